/**
 * Every document-property key the add-on uses, in one place. Document properties are shared by all
 * users of the spreadsheet (9 KB a value, 500 KB a store).
 */
export const PROPERTY_KEYS = {
  /** Hour of the day (0-23, sheet's zone) the daily job runs at. */
  automationHour: 'dealPipeline.automationHour',
  /** The calendar day (yyyy-mm-dd) the daily job last started. */
  lastDailyRun: 'dealPipeline.lastDailyRun',
  /** A job's saved continuation: JSON { owner, phases }. */
  jobCursor: 'dealPipeline.pendingPhases',
  /** The next Deal ID number to hand out (IDs are never reused). */
  nextDealId: 'dealPipeline.nextDealId',
  /** The add-on's tabs by sheet ID, and which of them it created: JSON TabRegistryRecord. */
  tabs: 'dealPipeline.tabs',
  /** Prefix of typed stage changes waiting for the lock: one key per edit (and part), JSON QueuedEdit. */
  queuedEditPrefix: 'dealPipeline.queuedEdit.',
  /** The installable on-edit trigger that logs typed edits with the editor's e-mail: JSON { id, owner }. */
  editTrigger: 'dealPipeline.editTrigger',
  /** The add-on's stage-color rules on the Deals tab, as it last wrote them: JSON string[] of signatures. */
  stageColorRules: 'dealPipeline.stageColorRules',
  /** Prefix of daily-digest opt-ins: one key per user (+ e-mail), JSON DigestOptIn. */
  digestPrefix: 'dealPipeline.digest.',
} as const;
