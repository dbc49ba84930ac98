/* nop.c: the fake compiler shard of the benchmark.  It exits 0 at once, so
 * that a call through a wrapper costs only the wrapper and two execs. */
int main(void)
{
	return 0;
}
