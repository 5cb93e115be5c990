import { createContext } from '@lit/context';
import type { GuideApi } from '../core/engine/guide-api.js';

/**
 * The @lit/context key through which `<ehr-guide>` hands descendant elements its narrow `GuideApi` (never the
 * engine class). `Symbol.for` lets a second copy of ehr-guide on the page find the same provider.
 */
export const guideContext = createContext<GuideApi | undefined>(Symbol.for('ehr-guide/engine'));
