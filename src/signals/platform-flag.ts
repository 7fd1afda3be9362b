import type { Finding, ModerationMark, Signal } from '../types.js';

/** The reason codes this signal emits; each has its sentence in `messages`. */
export type PlatformFlagCode = 'PLATFORM_SPAM' | 'PLATFORM_REMOVED' | 'PLATFORM_DELETED';

/** Evidence strength of each kind of mark. */
const STRENGTH: Readonly<Record<ModerationMark['kind'], number>> = { spam: 1, removed: 0.4, deleted: 0.15 };
const CODE: Readonly<Record<ModerationMark['kind'], PlatformFlagCode>> = { spam: 'PLATFORM_SPAM', removed: 'PLATFORM_REMOVED', deleted: 'PLATFORM_DELETED' };

/**
 * What the platform's own moderation recorded, as the export carries it (Comment.moderation, set by the
 * parsers: Disqus isSpam/isDeleted, WordPress comment_approved spam/trash, Commento state "flagged", a
 * Reddit moderator's spam/removed/banned_by).
 *
 * Weight 0.9, so that a spam mark alone scores 0.9 and is flagged at the default threshold 0.45: the
 * platform's spam filter or its moderators have already judged the comment, on evidence threadsift never
 * sees (addresses, account history, reports from readers). A removal (strength 0.4, 0.36 alone) and a
 * deletion (0.15, 0.135 alone) are not flagged on their own: moderators remove rude or off-topic people
 * too, and people delete their own comments; they add to other evidence. Language-neutral: the marks are
 * not words.
 */
export const platformFlag: Signal<object, PlatformFlagCode> = {
  id: 'platform-flag',
  description: "Comments the platform's own moderation marked in the export: spam (strong), removed by moderators, deleted",
  weight: 0.9,
  defaultOptions: {},
  optionsSchema: {},
  messages: {
    PLATFORM_SPAM: (a) => `the platform marked it spam (${String(a.field)} in the export)`,
    PLATFORM_REMOVED: (a) => `moderators removed it (${String(a.field)} in the export)`,
    PLATFORM_DELETED: (a) => `deleted on the platform, by its author or a moderator (${String(a.field)} in the export)`,
  },
  meanings: {
    PLATFORM_SPAM:
      "The export itself marks the comment as spam (the platform's filter or a moderator): `args.field` names the export's field and value.",
    PLATFORM_REMOVED:
      'The export marks the comment as removed by moderators: their judgement, though not always for being a bot.',
    PLATFORM_DELETED:
      'The export marks the comment deleted while keeping its text: by its author or a moderator (exports do not say which), so weak evidence.',
  },
  analyze(thread) {
    const findings: Finding<PlatformFlagCode>[] = [];
    for (const comment of thread.comments) {
      for (const mark of comment.moderation ?? []) {
        findings.push({
          signal: 'platform-flag',
          commentId: comment.id,
          strength: STRENGTH[mark.kind],
          reason: { code: CODE[mark.kind], args: { kind: mark.kind, field: mark.field } },
        });
      }
    }
    return findings;
  },
};
