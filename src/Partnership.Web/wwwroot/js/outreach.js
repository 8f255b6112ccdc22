// The activity form: the area list narrows the measures shown to one area (every measure stays when no area is chosen).
(() => {
    const area = document.querySelector('[data-measure-area]');
    if (!area) {
        return;
    }
    const groups = document.querySelectorAll('.measure-picker [data-area]');
    area.addEventListener('change', () => {
        groups.forEach((group) => {
            group.hidden = area.value !== '' && group.dataset.area !== area.value;
        });
    });
})();
