using BizSuite.Kernel;

namespace BizSuite.Purchasing.Orders;

/// <summary>CG{year}{00001}: gapless per tenant (the counter is taken in the creating transaction, so a rollback gives it back).</summary>
internal sealed class OrderNumbers(DocumentNumbers numbers, TimeProvider clock)
{
    public async Task<string> NextAsync(CancellationToken ct) => $"CG{clock.GetUtcNow().Year}{await numbers.NextAsync("purchasing-order", ct):D5}";
}
