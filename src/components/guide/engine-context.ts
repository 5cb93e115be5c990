import { createContext } from '@lit/context';
import type { GuideEngine } from '../../core/engine/engine.js';

/**
 * The @lit/context key through which `<ehr-guide>` hands its engine to descendant elements. `Symbol.for` lets a
 * second copy of ehr-guide on the page find the same provider.
 */
export const engineContext = createContext<GuideEngine | undefined>(Symbol.for('ehr-guide/engine'));
