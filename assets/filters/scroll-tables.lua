-- Every table of an HTML page goes into a box of its own, `div.table-scroll`, that scrolls
-- sideways when the table is wider than the column (assets/theme/site.scss), so that the page
-- itself never does (tests/site/test_site_render.py checks every page at 1280 and 390 px).
-- Run after Quarto's own filters (`at: post-render` in _quarto.yml), on tables in their final
-- form; other formats (the paper's Typst PDF) are left as they are.
function Table(tbl)
  if not quarto.doc.is_format("html") then
    return nil
  end
  -- focusable (tabindex 0), so that keyboard readers can scroll it too (axe-core's
  -- scrollable-region-focusable)
  return pandoc.Div({ tbl }, pandoc.Attr("", { "table-scroll" }, { tabindex = "0" }))
end
