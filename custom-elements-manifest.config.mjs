// `npm run manifest`: custom-elements.json from the sources, then every file generated from it
// (scripts/generate.mjs). Type aliases are written out by cem-plugin-expanded-types (`expandedType`,
// what the editor data offers as values; src/bridge/schemas.ts is analysed for `MsgType`). Two gaps
// of the analyzer are filled here:
// - tags are registered in src/define/<name>.ts as `JuziX.define('juzi-x')`, which it does not
//   read: each such call becomes the tag's `custom-element-definition`, pointing at the class's
//   module (the one registration inside JuziElement.define is no tag and is dropped);
// - `@fires juzi-x - …` names no type: each event gets the class in src/events.ts whose
//   constructor dispatches that name, and its detail type (`CustomEvent<Detail>`).

import { expandTypesPlugin, getTsProgram } from 'cem-plugin-expanded-types';

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function juziPlugin() {
  const definitions = []; // { module, tag, className, from }
  const events = new Map(); // event name → { className, detail, module }
  return {
    name: 'juzi-definitions-and-event-types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const [tag] = node.arguments;
        const { expression: target, name } = node.expression;
        if (name.text === 'define' && ts.isIdentifier(target) && tag && ts.isStringLiteral(tag) && moduleDoc.path.startsWith('src/define/')) {
          const from = node
            .getSourceFile()
            .statements.filter(ts.isImportDeclaration)
            .find((i) => i.importClause?.namedBindings?.elements?.some((e) => e.name.text === target.text));
          if (from) definitions.push({ module: moduleDoc.path, tag: tag.text, className: target.text, from: from.moduleSpecifier.text });
        }
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const heritage = node.heritageClauses?.[0]?.types[0];
        if (heritage?.expression.getText() !== 'CustomEvent') return;
        const ctor = node.members.find(ts.isConstructorDeclaration);
        const call = ctor?.body?.statements
          .map((s) => ts.isExpressionStatement(s) && s.expression)
          .find((e) => e && ts.isCallExpression(e) && e.expression.kind === ts.SyntaxKind.SuperKeyword);
        const eventName = call?.arguments[0];
        if (eventName && ts.isStringLiteral(eventName)) {
          events.set(eventName.text, { className: node.name.text, detail: heritage.typeArguments?.[0]?.getText(), module: moduleDoc.path });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const mod of modules) {
        mod.exports = mod.exports?.filter((e) => !(e.kind === 'custom-element-definition' && e.declaration.name.startsWith('anonymous_')));
        mod.declarations = mod.declarations?.filter((d) => !d.name.startsWith('anonymous_'));
      }
      for (const { module, tag, className, from } of definitions) {
        const target = new URL(from.replace(/\.js$/, '.ts'), `file:///${module}`).pathname.slice(1);
        const mod = modules.find((m) => m.path === module);
        mod.exports = [...(mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || e.name !== tag)];
        mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module: target } });
        const declaration = modules.find((m) => m.path === target)?.declarations?.find((d) => d.name === className);
        if (declaration) declaration.tagName = tag;
      }
      for (const declaration of modules.flatMap((m) => m.declarations ?? [])) {
        // A list property's attribute is one string (`urls="a.png b.png"`): editors must not offer `string[]` as its value.
        for (const attribute of declaration.attributes ?? []) {
          if (/\[\]/.test(attribute.type?.text ?? '')) attribute.expandedType = { text: 'string' };
        }
        for (const event of declaration.events ?? []) {
          const known = events.get(event.name);
          if (!known) continue;
          event.type = {
            text: known.detail ? `CustomEvent<${known.detail}>` : 'CustomEvent',
            ...(known.detail && { references: [{ name: known.detail, module: known.module }] }),
          };
          event.eventClass = { name: known.className, module: known.module };
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/internal/*.ts', 'src/define/*.ts', 'src/events.ts', 'src/bridge/schemas.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // A type checker for cem-plugin-expanded-types: an attribute typed `AuthMode` or `MsgType` gets
  // `expandedType` with its values ('redirect' | 'sidebar'), which the editor data offers.
  overrideModuleCreation: ({ ts, globs }) =>
    getTsProgram(ts, globs, 'tsconfig.json')
      .getSourceFiles()
      .filter((file) => globs.some((glob) => file.fileName.includes(glob))),
  plugins: [expandTypesPlugin({ hideLogs: true }), juziPlugin()],
};
