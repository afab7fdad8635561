// The link in notification e-mails (case.html#id=<id>) leads into the console with the case wanted,
// in the fragment only: the case id never reaches a server log through a query string.
(function () {
  var match = /(?:^#|&)id=([^&]+)/.exec(location.hash);
  var id = match ? decodeURIComponent(match[1]) : '';
  location.replace(id ? './#case=' + encodeURIComponent(id) : './');
})();
