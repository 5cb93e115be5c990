/**
 * ehr-guide's SMART on FHIR layer: the only code that imports fhirclient (lazily). It turns a launch into a
 * data source for `<ehr-guide>`; the elements never call fhirclient.
 */
export { startLaunch, launchTarget, type SmartLaunchOptions } from './launch.js';
export { completeLaunch, checkRedirect, sessionFromClient, applySmartStyle, type SmartSession } from './ready.js';
export { smartStyleTokens, SMART_STYLE_TOKENS } from './style.js';
export { smartDataSource, launchExtras, type LaunchExtras, type SmartDataOptions } from './data-source.js';
export { SmartError, describeSmartError, kindOfOAuthError, type SmartErrorKind } from './errors.js';
export { aiOutputRequest, type AiOutputRequest, type FhirContextEntry } from './ai-context.js';
export { parseAppConfig, clientIdFor, packUrls, type SmartAppConfig, type ConfigProblem } from './app-config.js';
export { scopesFor, scopeVersionOf, grantsRead, ungrantedTypes, type ScopeRequest, type ScopeVersion } from './scopes.js';
export { packReads, itemReads, packExpressions, AI_OUTPUT_TYPES } from './pack-reads.js';
