// Warns before a signed-in session ends, so nothing typed is lost: "continue" keeps the session alive.
// The server says when the session expires (data-session-expires, epoch ms) and how early to warn.
(function () {
    "use strict";
    var body = document.body;
    var expires = Number(body.dataset.sessionExpires);
    var warnBefore = Number(body.dataset.sessionWarningSeconds) * 1000;
    var dialog = document.getElementById("session-dialog");
    if (!expires || !dialog) {
        return;
    }
    var extend = document.getElementById("session-extend");
    var signIn = document.getElementById("session-signin");
    var close = document.getElementById("session-close");
    var title = document.getElementById("session-dialog-title");
    var text = document.getElementById("session-dialog-text");
    var warnTimer = null;
    var endTimer = null;

    function schedule() {
        clearTimeout(warnTimer);
        clearTimeout(endTimer);
        var now = Date.now();
        warnTimer = setTimeout(warn, Math.max(0, expires - warnBefore - now));
        endTimer = setTimeout(expired, Math.max(0, expires - now));
    }

    function open() {
        if (!dialog.open) {
            dialog.showModal();
        }
    }

    function warn() {
        open();
        extend.focus();
    }

    function expired() {
        title.textContent = title.dataset.expiredText;
        text.textContent = text.dataset.expiredText;
        extend.classList.add("d-none");
        signIn.classList.remove("d-none");
        open();
        signIn.focus();
    }

    extend.addEventListener("click", function () {
        var token = document.querySelector("meta[name=request-verification-token]");
        fetch("/session/keep-alive", {
            method: "POST",
            credentials: "same-origin",
            headers: { "RequestVerificationToken": token ? token.content : "" }
        }).then(function (response) {
            if (!response.ok) {
                throw new Error(String(response.status));
            }
            return response.json();
        }).then(function (result) {
            expires = result.expires;
            dialog.close();
            schedule();
        }).catch(expired);
    });

    close.addEventListener("click", function () {
        dialog.close();
    });

    schedule();
}());
