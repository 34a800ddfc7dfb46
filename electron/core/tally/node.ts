/** A small element tree for one Tally object (a voucher, a ledger ...), built while streaming. */
export interface XNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XNode[];
}

export function child(node: XNode, name: string): XNode | undefined {
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

/** Text of the first child with that name (untrimmed); undefined when absent. */
export function childText(node: XNode, name: string): string | undefined {
  return child(node, name)?.text;
}

/** Texts of the first child of each wanted name (untrimmed), in one pass over the children. */
export function childTexts<N extends string>(node: XNode, names: ReadonlySet<N>): Partial<Record<N, string>> {
  const found: Partial<Record<string, string>> = {};
  for (const c of node.children) {
    if ((names as ReadonlySet<string>).has(c.name) && found[c.name] === undefined) found[c.name] = c.text;
  }
  return found as Partial<Record<N, string>>;
}

export function childrenNamed(node: XNode, name: string): XNode[] {
  return node.children.filter((c) => c.name === name);
}
