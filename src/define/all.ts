/** Registers every ehr-guide element. */
import './ehr-tip.js';
import './ehr-guide.js';
