/**
 * ehr-guide's SMART on FHIR layer: the only code that imports fhirclient (lazily). It turns a launch into a
 * data source for `<ehr-guide>`; the elements never call fhirclient.
 */
export { startLaunch, type SmartLaunchOptions } from './launch.js';
export { completeLaunch, sessionFromClient, applySmartStyle, type SmartSession } from './ready.js';
export { smartDataSource, launchExtras, type LaunchExtras, type SmartDataOptions } from './data-source.js';
export { SmartError, describeSmartError, type SmartErrorKind } from './errors.js';
export { aiOutputRequest, type AiOutputRequest, type FhirContextEntry } from './ai-context.js';
