# bench/render.sh: render_table HEAD ROWS OUTDIR (sourced by bench/table.sh
# and bench/emulated.sh): HEAD and every line of the file ROWS are
# tab-separated columns; writes OUTDIR/table.txt (aligned text) and
# OUTDIR/table.md (Markdown).
render_table() {
	local head=$1 rows=$2 out=$3 n sep
	n=$(awk -F'\t' '{ print NF; exit }' <<<"$head")
	{
		echo "$head"
		cat "$rows"
	} | awk -F'\t' -v n="$n" '
		{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; l = length($i); if (l > w[i]) w[i] = l } r = NR }
		END { for (k = 1; k <= r; k++) { s = ""
			for (i = 1; i <= n; i++) s = s sprintf("%-" w[i] "s  ", c[k, i])
			sub(/ +$/, "", s); print s
			if (k == 1) { s = ""; for (i = 1; i <= n; i++) { d = ""; for (j = 0; j < w[i]; j++) d = d "-"; s = s d "  " } sub(/ +$/, "", s); print s } } }
	' >"$out/table.txt"
	sep=$(printf '|---%.0s' $(seq "$n"))
	{
		echo "| ${head//	/ | } |"
		echo "$sep|"
		sed 's/	/ | /g; s/^/| /; s/$/ |/' "$rows"
	} >"$out/table.md"
}
