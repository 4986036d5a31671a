// Table rows and highlights point at each other: a row's data-target names the highlight,
// a highlight's data-key names the row. Nothing here loads anything.
(function () {
  function mark(key) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var pieces = document.querySelectorAll('mark[data-key="' + key + '"]');
    pieces.forEach(function (el) { el.classList.add("active"); });
    var row = document.getElementById("row-" + key);
    if (row) { row.classList.add("active"); }
    return pieces;
  }
  document.querySelectorAll("tr[data-target]").forEach(function (row) {
    row.addEventListener("click", function (event) {
      event.preventDefault();
      var pieces = mark(row.dataset.target);
      if (pieces.length) {
        pieces[0].scrollIntoView({block: "center"});
        history.replaceState(null, "", "#hl-" + row.dataset.target);
      }
    });
  });
  document.querySelectorAll("mark[data-key]").forEach(function (piece) {
    piece.addEventListener("click", function (event) {
      event.stopPropagation();
      var row = document.getElementById("row-" + piece.dataset.key);
      mark(piece.dataset.key);
      if (row) { row.scrollIntoView({block: "center"}); }
    });
  });
})();
