// Saves the consultation request as a draft while it is typed, so nothing is lost if the page closes or the
// session ends. Posts the whole form (with its antiforgery field) to data-autosave a moment after the last
// change, and says what happened in the form's status line (a polite live region).
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) {
        return;
    }
    var status = document.getElementById("draft-status");
    var desk = document.getElementById("DeskId");
    var topic = document.getElementById("TopicId");
    var timer = null;
    var saving = false;
    var again = false;

    // Show only the chosen desk's topics.
    function filterTopics() {
        var groups = topic.querySelectorAll("optgroup");
        groups.forEach(function (group) {
            var show = !desk.value || group.dataset.desk === desk.value;
            group.hidden = !show;
            group.disabled = !show;
        });
        var selected = topic.selectedOptions[0];
        if (selected && selected.parentElement.disabled) {
            topic.value = "";
        }
    }

    function save() {
        if (saving) {
            again = true;
            return;
        }
        saving = true;
        fetch(form.dataset.autosave, {
            method: "POST",
            credentials: "same-origin",
            body: new FormData(form)
        }).then(function (response) {
            return response.json().catch(function () {
                return { message: "" };
            });
        }).then(function (result) {
            if (result.message) {
                status.textContent = result.message;
            }
        }).catch(function () {
            // Offline or signed out: the page keeps what was typed; the next change tries again.
        }).finally(function () {
            saving = false;
            if (again) {
                again = false;
                save();
            }
        });
    }

    function changed() {
        clearTimeout(timer);
        timer = setTimeout(save, 800);
    }

    desk.addEventListener("change", filterTopics);
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    filterTopics();
}());
