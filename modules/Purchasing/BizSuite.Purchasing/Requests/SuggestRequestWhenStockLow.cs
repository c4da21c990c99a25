using System.Globalization;
using BizSuite.Identity;
using BizSuite.Inventory;
using BizSuite.Kernel;
using BizSuite.Oa;
using BizSuite.Purchasing.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Purchasing.Requests;

/// <summary>
/// Stock fell below its reorder point (再订货点): the buyers (whoever may manage purchase orders) get a notification whose link opens
/// a new purchase request prefilled with the product, its reorder quantity (or else what brings the warehouse back to its reorder point), and the
/// supplier and price of the product's last purchase order, so nobody looks them up.
/// </summary>
internal sealed class SuggestRequestWhenStockLow(PurchasingDbContext db, IUserDirectory users, INotificationService notifications,
    JsonStringLocalizer texts, SettingStore settings) : IDomainEventHandler<StockLow>
{
    public async Task HandleAsync(StockLow e, CancellationToken ct)
    {
        var buyers = await users.FindUsersWithPermissionAsync(PurchasingPermissions.OrdersManage, ct);
        if (buyers.Count == 0) return;
        await notifications.NotifyAsync(new NotificationRequest(buyers, await TitleAsync(e, ct), await LinkAsync(e, ct)), ct);
    }

    /// <summary>The request page reads these parameters; it looks the product up itself, so only ids and figures travel.</summary>
    private async Task<string> LinkAsync(StockLow e, CancellationToken ct)
    {
        var quantity = e.ReorderQuantity ?? e.ReorderPoint - e.OnHand;
        var link = $"/purchasing/requests/new?productId={e.ProductId}&quantity={Invariant(quantity)}";
        var last = await db.Orders.AsNoTracking()
            .Where(o => o.Status != PurchaseOrderStatus.Cancelled && o.Lines.Any(l => l.ProductId == e.ProductId))
            .OrderByDescending(o => o.Id).FirstOrDefaultAsync(ct);
        if (last is null) return link;
        var line = last.Lines.Where(l => l.ProductId == e.ProductId).OrderBy(l => l.LineNumber).First();
        return $"{link}&supplierId={last.SupplierId}&price={Invariant(line.UnitPrice)}";
    }

    private async Task<string> TitleAsync(StockLow e, CancellationToken ct)
    {
        var language = await settings.GetAsync(KernelSettings.DefaultLanguage, ct);
        var words = texts.Texts(JsonStringLocalizer.Cultures.Contains(language) ? language : JsonStringLocalizer.Cultures[0]);
        return string.Format(words.GetValueOrDefault("Purchasing:StockLowNotice", "{0} {1}: {2} ({3}) < {4}"),
            e.Sku, e.ProductName, Invariant(e.OnHand), e.WarehouseName, Invariant(e.ReorderPoint));
    }

    private static string Invariant(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
