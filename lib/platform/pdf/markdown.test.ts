import { describe, expect, it } from "vitest";
import { markdownBlocks, markdownRuns } from "./markdown";

describe("Markdown for the PDF writer", () => {
  it("keeps bold and italic as fonts, and a link's address", () => {
    expect(markdownBlocks("Il dott. **Edoardo Barbarossa**, _Presidente_, su <http://www.anci.sicilia.it/iscrizioni>.")).toEqual([
      {
        runs: [
          { text: "Il dott. ", font: "regular" },
          { text: "Edoardo Barbarossa", font: "bold" },
          { text: ", ", font: "regular" },
          { text: "Presidente", font: "italic" },
          { text: ", su ", font: "regular" },
          { text: "http://www.anci.sicilia.it/iscrizioni", font: "regular", link: "http://www.anci.sicilia.it/iscrizioni" },
          { text: ".", font: "regular" },
        ],
        bullet: undefined,
      },
    ]);
  });

  it("gives paragraphs and list items apart, drops raw HTML and unsafe links", () => {
    const blocks = markdownBlocks("Primo.\n\n- uno\n- [due](javascript:alert(1))\n\n<script>x</script>\n\n1. primo punto");
    expect(blocks.map((block) => [block.bullet, block.runs.map((run) => run.text).join(""), block.runs.some((run) => run.link)])).toEqual([
      [undefined, "Primo.", false],
      ["•", "uno", false],
      ["•", "due", false],
      ["1.", "primo punto", false],
    ]);
  });

  it("reads an Oggetto as one line of runs", () => {
    expect(markdownRuns("CONVOCAZIONE; **giovedì 24 marzo**").map((run) => [run.text, run.font])).toEqual([
      ["CONVOCAZIONE; ", "regular"],
      ["giovedì 24 marzo", "bold"],
    ]);
  });
});

describe("reference links and images", () => {
  it("keeps a reference link's words and its address, and an image's alternative text", () => {
    const [block] = markdownBlocks("Vedi [il bando][1] e ![logo del progetto](logo.png).\n\n[1]: https://www.example.it/bando");
    expect(block.runs.map((run) => [run.text, run.link])).toEqual([
      ["Vedi ", undefined],
      ["il bando", "https://www.example.it/bando"],
      [" e ", undefined],
      ["logo del progetto", undefined],
      [".", undefined],
    ]);
  });
});
