import type { nlDialogue } from './dialogue';

/**
 * English texts of the dialogue: meetings, their actions and the collaboration scores. Loaded with the
 * English language (english.ts), not in the first load.
 */
export const enDialogue: typeof nlDialogue = {
  title: 'Meetings and evaluation',
  intro:
    'The conversation about the collaboration itself: meetings and evaluations, with actions and a trust score from both sides.',
  loading: 'Loading meetings…',
  error: 'The meetings could not be loaded.',
  none: 'No meeting recorded yet.',
  kinds: { meeting: 'Meeting', evaluation: 'Evaluation' },
  meetingTitle: '{{kind}} of {{date}}',
  participants: 'Participants',
  notes: 'Notes',
  actions: 'Actions',
  noActions: 'none',
  action: '{{text}} — {{owner}}',
  actionDue: '{{text}} — {{owner}}, by {{due}}',
  scoreMunicipality: 'Municipality’s score',
  scoreProvider: 'Provider’s score',
  scoreValue: '{{score}} out of 5',
  noScore: 'not given yet',
  recordedBy: 'Recorded by {{by}} on {{at}}',
  giveScore: 'Give your score',
  score: 'Score (1 to 5)',
  scoreHint: '1 is poor, 5 is excellent.',
  scoreSubmit: 'Give score',
  scoreSaved: 'Your score was recorded.',
  recordTitle: 'Record a meeting',
  date: 'Date',
  kind: 'Kind',
  participantsField: 'Participants',
  participantsHint: 'One participant per line.',
  notesField: 'Notes',
  actionsField: 'Actions',
  actionsHint:
    'One action per line: what; who; optionally the due date (YYYY-MM-DD) and "municipality" or "provider" as owner (otherwise your side). For example: Share waiting list; Kompas; 2026-12-15; provider',
  ownScore: 'Your score (1 to 5)',
  noOwnScore: 'no score',
  recordSubmit: 'Record meeting',
  recordSaved: 'The meeting of {{date}} was recorded.',
  errorTitle: 'Something is not right',
  errors: {
    date: 'Enter a valid date.',
    participants: 'Enter at least one participant.',
    actions: 'Write each action as: what; who.',
    score: 'Choose a score from 1 to 5.',
    answers: 'Answer all four questions with 1 to 5, or leave all four empty.',
    forbidden: 'You may not record this.',
    rejected: 'The server did not accept this.',
    failed: 'Saving failed. Try again.',
  },
};
