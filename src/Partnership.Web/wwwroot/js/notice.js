// A submission's notice travels in the page's address (?notice=, with ?receipt=; docs/adr/0058). Once the page has
// shown it, the address drops both, so reloading the page, going back to it or bookmarking it does not announce
// the submission again. Without JavaScript the address keeps them, and the notice shows again on a reload.
(function () {
    "use strict";
    var url = new URL(window.location.href);
    if (!url.searchParams.has("notice") && !url.searchParams.has("receipt")) {
        return;
    }
    url.searchParams.delete("notice");
    url.searchParams.delete("receipt");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
})();
