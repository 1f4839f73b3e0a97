// Finishes the axe-core run of a page (axe.finishRun; axe-partial.js ran axe.run already on a top document without
// frames) in the scanner's isolated world of the top frame, from the top frame's partial result (kept in this world)
// and the other frames' (in axe-core's order: depth first, null for a frame that could not be checked), and returns
// only what the scanner keeps (violations and incomplete results, with their nodes) as a JSON string: passes and
// inapplicable rules would only cost transfer time. Each node gets the URL of the frame it is in; frame-tested nodes
// of frames the scanner could not check get its reason.
async ({ runOptions, children, frames, untested }) => {
  const options = { ...runOptions, rules: { ...(runOptions.rules ?? {}), 'frame-tested': { enabled: true } } };
  // A top document without frames was checked whole by axe.run (axe-partial.js).
  const result =
    globalThis.shishinResult ??
    (await axe.finishRun([globalThis.shishinPartial, ...children.map((child) => (child === null ? null : JSON.parse(child)))], options));
  const urls = new Map(frames.map((frame) => [JSON.stringify(frame.path), frame.url]));
  const reasons = new Map(untested.map((frame) => [JSON.stringify(frame.path), frame.reason]));
  const keep = (item) => ({
    id: item.id,
    impact: item.impact,
    help: item.help,
    helpUrl: item.helpUrl,
    tags: item.tags,
    nodes: item.nodes.map((node) => ({
      target: node.target,
      html: node.html,
      impact: node.impact,
      failureSummary: (item.id === 'frame-tested' && reasons.get(JSON.stringify(node.target))) || node.failureSummary,
      frame: urls.get(JSON.stringify(node.target.slice(0, -1))) ?? null,
    })),
  });
  return JSON.stringify({
    version: result.testEngine.version,
    violations: result.violations.map(keep),
    incomplete: result.incomplete.map(keep),
  });
}
