"""Synthetic N-village township: the 30-village demo's villages copied under new codes (for timing only)."""
import shutil, sqlite3, sys
from pathlib import Path
src, dst, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
if dst.exists():
    shutil.rmtree(dst)
shutil.copytree(src, dst)
con = sqlite3.connect(dst / "cunwu.sqlite3")
tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
cols = {t: [r[1] for r in con.execute(f"pragma table_info('{t}')")] for t in tables}
Q = lambda c: '"' + c + '"'  # noqa: E731
owned = [t for t in tables if "owner" in cols[t] and t not in ("village", "township")]
codes = [r[0] for r in con.execute("select code from peer where kind='village' order by code")]
base = len(codes)
township_code = con.execute("select code from township").fetchone()[0] if "township" in tables else None
for k in range(base + 1, n + 1):
    s = codes[(k - base - 1) % base]
    new = s[:9] + f"{k:03d}"
    suf = f"~{k}"
    def expr(t, c):
        if c == "owner":
            return "?"
        if c == "id" or (c.endswith("_id") and c not in ("item_id",)) or c == "item_id":
            return f"CASE WHEN typeof({Q(c)}) = 'text' AND {Q(c)} != '' THEN {Q(c)} || '{suf}' ELSE {Q(c)} END"
        return Q(c)
    for t in owned:
        cs = cols[t]
        if "id" not in cs:
            continue
        sel = ", ".join(expr(t, c) for c in cs)
        con.execute(f"INSERT INTO {t} ({', '.join(map(Q, cs))}) SELECT {sel} FROM {t} WHERE owner = ?", (new, s))
    # the township's own rows about that village's records
    for t, ref in (("rule_review", "version_id"), ("rule_filing", "version_id"), ("township_answer", "matter_id")):
        if t in tables:
            cs = cols[t]
            sel = ", ".join('"owner"' if c == "owner" else expr(t, c) for c in cs)
            con.execute(f"INSERT INTO {t} ({', '.join(map(Q, cs))}) SELECT {sel} FROM {t} WHERE {ref} IN "
                        f"(SELECT id FROM rule_version WHERE owner = ? UNION SELECT id FROM supervision_matter WHERE owner = ?)",
                        (s, s))
    cs = cols["village"]
    sel = ", ".join("? || id" if c == "id" else "?" if c in ("owner", "code") else "'第' || ? || '村'" if c == "name" else Q(c) for c in cs)
    params = []
    for c in cs:
        if c == "id": params.append(f"{k}-")
        elif c in ("owner", "code"): params.append(new)
        elif c == "name": params.append(str(k))
    con.execute(f"INSERT INTO village ({', '.join(map(Q, cs))}) SELECT {sel} FROM village WHERE code = ?", (*params, s))
    cs = cols["peer"]
    sel = ", ".join("?" if c == "code" else "'第' || ? || '村'" if c == "name" else Q(c) for c in cs)
    con.execute(f"INSERT INTO peer ({', '.join(map(Q, cs))}) SELECT {sel} FROM peer WHERE code = ?", (new, str(k), s))
    cs = [c for c in cols["package_log"] if c != "id"]
    sel = ", ".join("?" if c == "peer_code" else Q(c) for c in cs)
    con.execute(f"INSERT INTO package_log ({', '.join(map(Q, cs))}) SELECT {sel} FROM package_log WHERE peer_code = ?", (new, s))
con.commit()
print(con.execute("select count(*) from peer where kind='village'").fetchone(), con.execute("select count(*) from meeting").fetchone())
con.close()
