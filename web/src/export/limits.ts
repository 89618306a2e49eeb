// export/limits.ts — how much one export may hold; apart from the exporters, so the page's
// menu can say it without loading them.

/** A walkthrough has at most this many frames (a longer range is sampled). */
export const MAX_FRAMES = 300;
