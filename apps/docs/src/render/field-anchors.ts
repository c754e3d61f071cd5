/** A field that got an anchor on its page: what the search index links to. */
export interface AnchoredField {
  id: string;
  /** Dotted path as the table shows it (`AgentConfig.UserId`, `TTSConfig⟨json⟩.VoiceId`). */
  path: string;
  /** `request`, `response`, `parameter`, … */
  scope: string;
  type: string;
  description?: string;
}

/** Gives the rows of one table their ids; `fields` collects them for the search index. */
export interface FieldAnchors {
  add(row: { path: string; type: string; description?: string }): string;
  readonly fields: AnchoredField[];
}

/** The part of an id a path gives: `TTSConfig⟨json⟩.VoiceId` → `TTSConfig.VoiceId`, `Results[].Score` → `Results.Score`. */
export function anchorPath(path: string): string {
  return path.replace(/⟨json⟩/g, "").replace(/\[\]/g, "");
}

/**
 * Field anchors for one page: ids are `<scope>.<path>` (`request.AgentConfig.UserId`); a path seen twice on the
 * page (a field in two shapes, two responses) gets `-2`, `-3`… so ids stay unique. Tables of one page share
 * `used`.
 */
export function fieldAnchors(scope: string, used: Set<string>, fields: AnchoredField[] = []): FieldAnchors {
  return {
    fields,
    add(row) {
      const base = `${scope}.${anchorPath(row.path)}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      fields.push({ id, path: row.path, scope, type: row.type, description: row.description });
      return id;
    },
  };
}
