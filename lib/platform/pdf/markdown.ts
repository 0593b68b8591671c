// The Markdown a coordinator writes (the letter's body, its Oggetto) as the
// PDF writer draws it: paragraphs and list items of runs, bold and italic
// kept, a link's text clickable. Parsed as the web page parses it (mdast,
// which react-markdown builds on), so both show the same words; raw HTML is
// dropped, as on the page.
import { fromMarkdown } from "mdast-util-from-markdown";
import type { Definition, PhrasingContent, RootContent } from "mdast";
import type { FontName, Run } from "./writer";

export type Block = { runs: Run[]; bullet?: string };

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Reference links' addresses ("[il bando][1]" and "[1]: https://…"), by their identifier. */
type Definitions = ReadonlyMap<string, string>;

function runsOf(nodes: readonly PhrasingContent[], definitions: Definitions, font: FontName = "regular", link?: string): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case "text":
        return [{ text: node.value, font, link }];
      case "inlineCode":
        return [{ text: node.value, font, link }];
      case "strong":
        return runsOf(node.children, definitions, font === "italic" ? "italic" : "bold", link);
      case "emphasis":
        return runsOf(node.children, definitions, font === "bold" ? "bold" : "italic", link);
      case "link":
        return runsOf(node.children, definitions, font, SAFE_LINK.test(node.url) ? node.url : undefined);
      case "linkReference": {
        const url = definitions.get(node.identifier);
        return runsOf(node.children, definitions, font, url && SAFE_LINK.test(url) ? url : undefined);
      }
      case "image":
      case "imageReference":
        return node.alt ? [{ text: node.alt, font, link }] : [];
      case "break":
        return [{ text: " ", font }];
      case "delete":
        return runsOf(node.children, definitions, font, link);
      default:
        return [];
    }
  });
}

function blocksOf(nodes: readonly RootContent[], definitions: Definitions, bullet?: string): Block[] {
  return nodes.flatMap((node): Block[] => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return [{ runs: runsOf(node.children, definitions, node.type === "heading" ? "bold" : "regular"), bullet }];
      case "list":
        return node.children.flatMap((item, index) => blocksOf(item.children, definitions, node.ordered ? `${(node.start ?? 1) + index}.` : "•"));
      case "blockquote":
        return blocksOf(node.children, definitions, bullet);
      case "code":
        return [{ runs: [{ text: node.value }], bullet }];
      default:
        return [];
    }
  });
}

/** A block of Markdown as paragraphs (and list items, with their bullet) of runs. */
export function markdownBlocks(markdown: string): Block[] {
  const root = fromMarkdown(markdown);
  const definitions = new Map(root.children.filter((node): node is Definition => node.type === "definition").map((node) => [node.identifier, node.url]));
  return blocksOf(root.children, definitions);
}

/** One line of Markdown (an Oggetto) as runs, its paragraphs joined by a space. */
export function markdownRuns(markdown: string): Run[] {
  return markdownBlocks(markdown).flatMap((block, index) => (index === 0 ? block.runs : [{ text: " " }, ...block.runs]));
}
