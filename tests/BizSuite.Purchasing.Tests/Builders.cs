using BizSuite.Purchasing.Orders;

namespace BizSuite.Purchasing.Tests;

internal static class Builders
{
    /// <summary>A confirmed order of 10 × 12.50 at 13 % and 4 × 100.00 at 6 %.</summary>
    public static PurchaseOrder ConfirmedOrder()
    {
        var order = new PurchaseOrder("CG202600001", Guid.NewGuid(), "杭州精工五金", null, null, "CNY", new DateOnly(2026, 12, 20),
            [new SavePurchaseOrderLine(Guid.NewGuid(), "螺丝 M6", 10m, 12.50m, 0.13m), new SavePurchaseOrderLine(null, "安装服务", 4m, 100m, 0.06m)]);
        order.Confirm();
        return order;
    }

    public static PurchaseOrderLine First(this PurchaseOrder order) => order.Lines.Single(l => l.LineNumber == 1);

    public static PurchaseOrderLine Second(this PurchaseOrder order) => order.Lines.Single(l => l.LineNumber == 2);
}
