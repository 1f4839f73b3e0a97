// Runs the injected axe-core and returns only what the scanner keeps (violations and incomplete results, with their
// nodes), as a JSON string: passes and inapplicable rules would only cost transfer time. With a locale (axe-core's
// official translation, for a Japanese scan) the help texts and failure summaries come in that language.
async ({ runOptions, locale }) => {
  if (locale) {
    window.axe.configure({ locale: JSON.parse(locale) });
  }
  const result = await window.axe.run(document, runOptions);
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
      failureSummary: node.failureSummary,
    })),
  });
  return JSON.stringify({
    version: result.testEngine.version,
    violations: result.violations.map(keep),
    incomplete: result.incomplete.map(keep),
  });
}
