// The demo's whole stylesheet: system fonts, one accent colour, readable in light and dark mode.
export const DEMO_CSS = `:root{--bg:#fbfaf7;--fg:#1f2328;--muted:#656d76;--card:#fff;--line:#e4e1da;--accent:#8a4b2a;--ok:#1a7f37;--warn:#9a6700;--err:#cf222e;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e6e6e6;--muted:#9aa1a9;--card:#1f2227;--line:#30343a;--accent:#e0a070}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding:.9rem 1.5rem;border-bottom:1px solid var(--line);background:var(--card)}
.brand{font-weight:700;color:var(--accent);text-decoration:none;font-size:1.15rem}.brand small{font-weight:400;color:var(--muted);font-size:.8rem;margin-left:.4rem}
nav{display:flex;gap:.3rem;align-items:center;flex-wrap:wrap}nav a,button.link{color:var(--fg);text-decoration:none;padding:.35rem .7rem;border-radius:6px;font:inherit;background:none;border:0;cursor:pointer}
nav a:hover,button.link:hover{background:var(--line)}nav a.active{background:var(--accent);color:#fff}.who{color:var(--muted);margin-left:.5rem}
main{max-width:46rem;margin:2rem auto;padding:0 1.25rem}h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .6rem}p.lead{color:var(--muted);margin-top:-.5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.4rem;margin:1rem 0}
form.inline{display:inline-flex;gap:.4rem;align-items:center;margin:0}label{display:block;margin:.7rem 0 .25rem;font-weight:600}
input[type=text],input[type=password],input[type=email],select{width:100%;padding:.55rem .7rem;border:1px solid var(--line);border-radius:6px;font:inherit;background:var(--bg);color:var(--fg)}
label.check{display:flex;gap:.5rem;align-items:center;font-weight:400}
button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:none;color:var(--accent)}button.small{padding:.2rem .6rem;font-size:.9rem}.actions{display:flex;gap:.6rem;margin-top:1.2rem;flex-wrap:wrap}
.flashes{list-style:none;padding:0;margin:0 0 1rem}.flash{padding:.6rem .9rem;border-radius:8px;margin-bottom:.5rem;border-left:4px solid var(--accent);background:var(--card)}
.flash.success{border-color:var(--ok)}.flash.warning{border-color:var(--warn)}.flash.error{border-color:var(--err)}.error-text{color:var(--err)}
table{width:100%;border-collapse:collapse}td,th{padding:.5rem .3rem;border-bottom:1px solid var(--line);text-align:left}td.num,th.num{text-align:right}
.steps{display:flex;gap:.5rem;margin-bottom:1rem;color:var(--muted)}.steps .current{color:var(--accent);font-weight:700}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.7rem;overflow:auto}
main a{color:var(--accent)}
footer{max-width:46rem;margin:2rem auto;padding:0 1.25rem 2rem;color:var(--muted);font-size:.85rem}footer a{color:var(--muted)}
.hint{color:var(--muted);font-size:.9rem}`;
