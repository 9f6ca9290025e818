/* The locality finder (generator/render/finder.py writes its lists): filters the entries by
   any of their names, with or without accents, in any script. Without this script the lists
   are shown in full. */
(function () {
  "use strict";

  /* Lower case, no accents or tone marks (đ as d), no spaces or punctuation. */
  function fold(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]/gu, "");
  }

  function setUp(box) {
    var input = box.querySelector("input");
    var status = box.querySelector(".finder-status");
    var root = box.parentElement;
    var entries = Array.prototype.slice.call(root.querySelectorAll("li[data-names]"));
    var folded = entries.map(function (entry) { return fold(entry.dataset.names); });
    var groups = Array.prototype.slice.call(root.querySelectorAll(".finder-region"));
    var folds = root.querySelectorAll("details.finder-without");
    box.hidden = false;

    input.addEventListener("input", function () {
      var query = fold(input.value);
      var shown = 0;
      entries.forEach(function (entry, index) {
        var match = !query || folded[index].indexOf(query) !== -1;
        entry.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li[data-names]:not([hidden])");
      });
      Array.prototype.forEach.call(folds, function (details) {
        if (query) {
          details.open = !details.hidden;
        } else {
          details.hidden = false;
          details.open = false;
        }
      });
      if (!query) {
        status.textContent = "";
      } else if (shown) {
        status.textContent = box.dataset.matches.replace("{count}", shown);
      } else {
        status.textContent = box.dataset.none;
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".finder-box"), setUp);
})();
