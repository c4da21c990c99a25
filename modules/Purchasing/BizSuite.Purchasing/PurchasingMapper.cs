using BizSuite.Purchasing.Bills;
using BizSuite.Purchasing.Orders;
using BizSuite.Purchasing.Receipts;
using BizSuite.Purchasing.Suppliers;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Purchasing;

/// <summary>
/// Entity → DTO mapping of Purchasing (Mapperly; common.props says what fails the build). Purchase requests stay mapped
/// by hand in their service: their DTO gathers supplier names and the orders created from them.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class PurchasingMapper
{
    public static partial SupplierDto ToDto(this Supplier supplier);

    private static System.Text.Json.Nodes.JsonObject CustomFieldValues(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    /// <summary>Builds the choices in SQL: only id and name leave the database.</summary>
    public static partial IQueryable<SupplierChoiceDto> ProjectToDto(this IQueryable<Supplier> suppliers);

    [MapProperty(nameof(PurchaseOrder.Lines), nameof(PurchaseOrderDto.Lines), Use = nameof(InLineOrder))]
    public static partial PurchaseOrderDto ToDto(this PurchaseOrder order);

    private static partial PurchaseOrderLineDto ToDto(PurchaseOrderLine line);

    public static partial GoodsReceiptDto ToDto(this GoodsReceipt receipt);

    private static partial GoodsReceiptLineDto ToDto(GoodsReceiptLine line);

    public static partial SupplierBillDto ToDto(this SupplierBill bill);

    private static partial SupplierBillLineDto ToDto(SupplierBillLine line);

    // Loaded collections come back in no particular order; the order reads in line order.
    private static IReadOnlyList<PurchaseOrderLineDto> InLineOrder(IReadOnlyList<PurchaseOrderLine> lines) =>
        lines.OrderBy(l => l.LineNumber).Select(ToDto).ToList();
}
