/** Gallery look: system fonts only (no third-party requests), contrast ≥ 4.5:1 on every text colour. */
export const GALLERY_STYLE = `*,*::before,*::after{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;background:#fafafa;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
header,main,footer{max-width:1280px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:1.8rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2rem 0 .25rem}
h3{font-size:1.05rem;margin:0 0 .5rem}
a{color:#1f5fa8}
.hint{color:#595959;margin:.25rem 0 .75rem;font-size:.9rem}
.path{color:#595959;font-weight:400;font-size:.85rem}
form{background:#fff;border:1px solid #d0d0d0;border-radius:8px;padding:0 16px 16px}
form h2{margin-top:12px;font-size:1.1rem}
.fields{display:flex;flex-wrap:wrap;gap:12px 16px;align-items:flex-end}
.field{display:flex;flex-direction:column;gap:4px;min-width:150px}
label{font-weight:600;font-size:.9rem}
select,input,button,textarea{font:inherit;font-size:.95rem;color:#1a1a1a}
select,input{padding:6px 8px;border:1px solid #767676;border-radius:4px;background:#fff}
button{padding:7px 14px;border:1px solid #1f5fa8;border-radius:4px;background:#1f5fa8;color:#fff;cursor:pointer}
button.copy{background:#fff;color:#1f5fa8;padding:2px 10px;font-size:.85rem;margin-left:8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,560px),1fr));gap:20px;align-items:start}
.card{background:#fff;border:1px solid #d0d0d0;border-radius:8px;padding:14px;min-width:0}
.preview{display:block}
.preview img{display:block;width:100%;height:auto;border:1px solid #e3e3e3}
details{margin-top:10px}
summary{cursor:pointer;font-weight:600;color:#1f5fa8}
.way{margin-top:12px}
.way .hint{margin:.1rem 0 .3rem}
textarea{display:block;width:100%;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:8px;border:1px solid #767676;border-radius:4px;background:#f6f6f6;resize:vertical;white-space:pre-wrap;overflow-wrap:anywhere;overflow:auto}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
summary .hint{font-weight:400}
.family{margin:1rem 0}
.members{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px}
footer{margin-top:40px;padding-bottom:32px;color:#595959;font-size:.9rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}`;

/** Progressive enhancement only: copy buttons beside each code box, announced politely. */
export const GALLERY_SCRIPT = `(function () {
  'use strict';
  if (!navigator.clipboard) return;
  var live = document.createElement('p');
  live.className = 'sr-only';
  live.setAttribute('aria-live', 'polite');
  document.body.appendChild(live);
  var boxes = document.querySelectorAll('.way textarea');
  for (var i = 0; i < boxes.length; i++) (function (box) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    b.textContent = 'Copy';
    b.setAttribute('aria-label', 'Copy ' + document.querySelector('label[for="' + box.id + '"]').textContent + ' code');
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(box.value).then(function () {
        b.textContent = 'Copied';
        live.textContent = 'Copied to the clipboard.';
        setTimeout(function () { b.textContent = 'Copy'; }, 1500);
      });
    });
    document.querySelector('label[for="' + box.id + '"]').after(b);
  })(boxes[i]);
})();`;
