import { readFileSync } from "node:fs";
import ts from "typescript";
import type { Model, Structure } from "./model.js";

/** Reads every `export interface` of a tencentcloud-sdk-nodejs `*_models.d.ts` file into a Model. */
export function readTencentModels(dtsPath: string): Model {
  const source = ts.createSourceFile(dtsPath, readFileSync(dtsPath, "utf8"), ts.ScriptTarget.ES2022, true);
  const model: Model = new Map();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const structure: Structure = new Map();
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      structure.set(member.name.getText(source), {
        type: canonicalType(member.type, source),
        required: member.questionToken === undefined,
      });
    }
    model.set(statement.name.text, structure);
  }
  return model;
}

function canonicalType(node: ts.TypeNode, source: ts.SourceFile): string {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return "string";
    case ts.SyntaxKind.NumberKeyword:
      return "number";
    case ts.SyntaxKind.BooleanKeyword:
      return "boolean";
  }
  if (ts.isArrayTypeNode(node)) return `array<${canonicalType(node.elementType, source)}>`;
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText(source);
    const [argument] = node.typeArguments ?? [];
    if (name === "Array" && argument) return `array<${canonicalType(argument, source)}>`;
    return `ref<${name}>`;
  }
  return `unsupported<${node.getText(source)}>`;
}
