/** Why an item is not shown. Every suppression names one of these, with detail saying which condition or cap. */
export type SuppressReason =
  | 'locale'
  | 'workflow'
  | 'role'
  | 'proficiency'
  | 'not-on-page'
  | 'expired'
  | 'not-first-visit'
  | 'ehr-version'
  | 'completed'
  | 'condition-false'
  | 'condition-error'
  | 'condition-pending'
  | 'condition-unknown'
  | 'patient-deceased'
  | 'dismissed'
  | 'dismissed-this-session'
  | 'snoozed'
  | 'cap-session'
  | 'cap-day'
  | 'cap-total'
  | 'quiet-period'
  | 'session-budget'
  | 'min-interval'
  | 'outranked';

export interface Decision {
  itemId: string;
  kind: 'tip' | 'tour' | 'lesson' | 'checklist';
  version: string;
  priority: number;
  /** Whether the item counts against the unsolicited budget when shown (pushed, not a tooltip or on request). */
  intrusive: boolean;
  show: boolean;
  reason?: SuppressReason;
  /** Which condition, cap or setting: for the debug API and for authors. Never patient data. */
  detail?: string;
}
