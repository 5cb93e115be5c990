/**
 * ehr-guide's DOM-free core: plain TypeScript that runs in browsers, workers and Node (the CLI).
 * Elements render what it decides; nothing here touches the DOM, Lit or fhirclient.
 */
export { safeUrl, ALLOWED_URL_SCHEMES } from './url-policy.js';
export type { CompiledMarkdown, MdBlock, MdInline, MdListItem } from './markdown/nodes.js';
export { isCompiledMarkdown } from './markdown/nodes.js';
export { checkCompiledMarkdown, type ContentProblem } from './markdown/check.js';
export { decodeEntities } from './markdown/entities.js';
export { compileMarkdown, MAX_MARKDOWN_LENGTH } from './markdown/compile.js';
export { createDismissalStore, type DismissalStore } from './dismissals.js';
export { runUnlocked, memoryKeyValueStorage, randomUuid, type IdSource, type Sha256, type KeyValueStorage, type HttpTransport, type HttpRequest, type HttpResponse, type LockRunner } from './adapters.js';
export * from './packs/schema.js';
export { loadPack, type LoadedItem, type LoadedPack, type PackLoadResult, type PackProblem } from './packs/load-pack.js';
export { createContext, applyContext, resourcesByType, bundleResources, type GuideContext, type ContextPatch, type ContextChanges } from './context/context.js';
export type { FhirResource, FhirCoding, FhirCodeableConcept } from './context/fhir-types.js';
export { roleFromConcept, roleFromPractitionerRoles } from './context/roles.js';
export { expressionDependencies, CONTEXT_VARIABLES, type ExpressionDependencies } from './triggers/dependencies.js';
export type { ConditionEvaluator, ConditionResult, EvaluationData } from './triggers/evaluator.js';
export { InlineEvaluator } from './triggers/inline-evaluator.js';
export { DEFAULT_POLICY, resolvePolicy, type FatiguePolicy } from './fatigue/policy.js';
export type { Decision, SuppressReason } from './fatigue/decisions.js';
export { ProgressStore } from './progress/progress-store.js';
export { memoryStorage, type ProgressStorage } from './progress/storage.js';
export type { ItemProgress, ProgressState } from './progress/progress.js';
export { deviceLearnerId, tabSessionId, pseudonymousLearnerId } from './progress/identity.js';
export { GuideEngine, type EngineOptions, type EngineProblem, type EvaluationResult, type GuideApi } from './engine/engine.js';
export { inferProficiency } from './engine/proficiency.js';
export type { GuideDataSource } from './context/data-source.js';
export * from './risk/math.js';
export * from './models/model-card.js';
export * from './models/explain.js';
export * from './models/ai-output.js';
export { describeOutput } from './models/describe.js';
export * from './cds/cds-response.js';
export * from './cds/feedback.js';
export { CdsFeedbackOutbox, type CdsFeedbackOutboxOptions } from './cds/feedback-outbox.js';
export * from './records/statements.js';
export { LearningRecords, MAX_QUEUED_STATEMENTS, type LrsConfig, type LearningRecordsOptions } from './records/learning-records.js';
export { resolveValueSets, valueSetConcepts, MAX_VALUE_SET_CODES, type ValueSetEntry, type ResolvedValueSet, type ValueSetProblem } from './vocabulary/value-sets.js';
export { CLINICAL_FUNCTIONS } from './triggers/clinical-functions.js';
export { gradeLesson, type LessonGrade, type QuestionGrade } from './lessons/grade.js';
export { localizeItem, untranslatedFields, itemLocales, type Translation } from './packs/translations.js';
export { translationProblems, TranslationSchema } from './packs/translation-schema.js';
export { SOURCE_LOCALE, canonicalLocale, localeChain, bestLocale, isRightToLeft } from './i18n/locale.js';
export { formatPercent, formatNumber, formatCount, formatFixed, formatDate, formatList } from './i18n/format.js';
