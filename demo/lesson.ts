// The page an LMS launches (cmi5): one lesson or checklist of the demo's packs, named by `item` in the query.
// With cmi5 launch parameters it runs as the assignable unit (statements to the LMS's LRS); without, as on the
// EHR page (plain xAPI to the health system's LRS).
import '../src/define/ehr-guide.js';
import '../src/define/ehr-lesson.js';
import '../src/define/ehr-checklist.js';

const params = new URLSearchParams(location.search);
const item = params.get('item') ?? 'lesson.reading-a-risk-score';
const guide = document.createElement('ehr-guide');
guide.setAttribute('packs', '/packs/ehr-skills.json /packs/ai-literacy.json');
guide.setAttribute('user-role', params.get('role') ?? 'resident');
const unit = document.createElement(item.startsWith('checklist.') ? 'ehr-checklist' : 'ehr-lesson');
unit.setAttribute('item', item);
unit.setAttribute('heading-level', '1');
guide.append(unit);
document.getElementById('unit')!.append(guide);
