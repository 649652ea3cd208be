import type { nlKpis } from './kpis';

/**
 * English texts of an agreement's KPIs: results, the chart, comments and recording a value. Loaded with the
 * English language (english.ts), not in the first load.
 */
export const enKpis: typeof nlKpis = {
  title: 'Performance indicators',
  intro:
    'The agreed indicators with their targets, and the results per period. Municipality and provider see the same figures.',
  loading: 'Loading indicators…',
  error: 'The indicators could not be loaded.',
  none: 'No performance indicators are agreed for this agreement.',
  target: 'Target',
  targetValue: '{{target}} {{unit}} ({{direction}})',
  directions: { higher: 'higher is better', lower: 'lower is better' },
  source: 'Source',
  frequency: 'Frequency',
  noResults: 'No results recorded yet.',
  chartLabel:
    '{{name}} over {{count}} periods: last value {{value}} {{unit}} in {{period}}, target {{target}} {{unit}} ({{direction}}).',
  legendValue: 'Result',
  legendTarget: 'Target',
  tableSummary: 'The chart as a table',
  caption: 'Results of {{name}}',
  period: 'Period',
  value: 'Value',
  onTarget: 'On target',
  yes: 'yes, on target',
  no: 'no, not on target',
  recorded: 'Recorded',
  recordedValue: '{{at}} by {{by}} ({{side}})',
  comments: 'Comments',
  noComments: 'No comments yet.',
  comment: '{{side}} ({{by}}, {{at}}): {{text}}',
  commentTitle: 'Add a comment',
  commentPeriod: 'On period',
  commentText: 'Comment',
  commentSubmit: 'Add comment',
  commentSaved: 'Your comment on {{period}} was added.',
  recordTitle: 'Record a value',
  recordPeriod: 'Period',
  recordPeriodHint: 'For example 2026-Q2 (quarter), 2026-05 (month), 2026-H1 (half year) or 2026 (year).',
  recordValue: 'Value in {{unit}}',
  recordSubmit: 'Record value',
  recordSaved: 'The value {{value}} {{unit}} for {{period}} was recorded.',
  errorTitle: 'Something is not right',
  errors: {
    period: 'Enter a period such as 2026-Q2, 2026-05, 2026-H1 or 2026.',
    value: 'Enter a number, for example 7.5.',
    text: 'Enter a comment.',
    forbidden: 'You may not record this.',
    rejected: 'The server did not accept this.',
    failed: 'Saving failed. Try again.',
  },
};
