namespace BizSuite.Benchmarks;

internal sealed class InvoiceListBenchmark(BenchHost host, Options options)
{
    public Task RunAsync() => Task.FromResult((host, options));
}
