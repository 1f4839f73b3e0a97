// Runs axe-core's part in one frame (axe.runPartial), in the scanner's isolated world of that frame, and lists the
// frame's own frames for the scanner to visit next: each with the context axe-core gives it, its selector path from
// the top document (the prefix of the targets of its findings) and its src. The frame elements are kept in this
// world's globals (out of the page's reach) so that the scanner can ask which frame each of them holds. The top
// frame keeps its partial result here too, for axe.finishRun; the others return theirs as JSON. frame-tested runs
// whatever the rule tags, so that a frame that could not be checked is reported.
// A top document without frames is checked with axe.run instead, and its result kept for axe-run.js: runPartial
// ignores resultTypes and makes a unique selector for every node that passes (axe-core issues 4124 and 4427), which
// on a page of thousands of links takes several times as long as the whole axe.run.
async ({ runOptions, locale, context, path, keep }) => {
  if (locale) {
    axe.configure({ locale: JSON.parse(locale) });
  }
  const options = { ...runOptions, rules: { ...(runOptions.rules ?? {}), 'frame-tested': { enabled: true } } };
  const where = context ?? document;
  if (keep) {
    globalThis.shishinPartial = undefined;
    globalThis.shishinResult = undefined;
    if (axe.utils.getFrameContexts(where, options).length === 0) {
      globalThis.shishinFrames = [];
      globalThis.shishinResult = await axe.run(where, options);
      return JSON.stringify({ url: location.href, partial: null, frames: [] });
    }
  }
  const partial = await axe.runPartial(where, options);
  const frames = axe.utils.getFrameContexts(where, options);
  globalThis.shishinFrames = frames.map((frame) => axe.utils.shadowSelect(frame.frameSelector));
  if (keep) {
    globalThis.shishinPartial = partial;
  }
  return JSON.stringify({
    url: location.href,
    partial: keep ? null : JSON.stringify(partial),
    frames: frames.map((frame, i) => ({
      context: frame.frameContext,
      path: [...path, ...(partial.frames[i]?.selector ?? [frame.frameSelector])],
      src: globalThis.shishinFrames[i]?.src ?? '',
    })),
  });
}
