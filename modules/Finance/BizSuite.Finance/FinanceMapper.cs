using BizSuite.Finance.Invoices;
using BizSuite.Finance.Payables;
using BizSuite.Finance.Payments;
using BizSuite.Finance.Receivables;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Finance;

/// <summary>
/// Entity → DTO mapping of Finance (Mapperly; common.props says what fails the build). Vouchers and accounts stay
/// mapped by hand in their service: their lines carry the account's localized name.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class FinanceMapper
{
    /// <summary>The Stripe checkout link is what the customer pays through.</summary>
    [MapProperty(nameof(Invoice.CheckoutUrl), nameof(InvoiceDto.PaymentUrl))]
    [MapProperty(nameof(Invoice.Lines), nameof(InvoiceDto.Lines), Use = nameof(InLineOrder))]
    public static partial InvoiceDto ToDto(this Invoice invoice);

    private static System.Text.Json.Nodes.JsonObject CustomFieldValues(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    [MapPropertyFromSource(nameof(InvoiceLineDto.GrossAmount), Use = nameof(GrossAmount))]
    private static partial InvoiceLineDto ToDto(InvoiceLine line);

    public static partial CreditNoteDto ToDto(this CreditNote note);

    public static partial PaymentDto ToDto(this Payment payment);

    public static partial ReceivableDto ToDto(this Receivable receivable);

    public static partial PayableDto ToDto(this Payable payable);

    [MapProperty(nameof(PaymentRun.Items), nameof(PaymentRunDto.Items), Use = nameof(InItemOrder))]
    public static partial PaymentRunDto ToDto(this PaymentRun run);

    private static partial PaymentRunItemDto ToDto(PaymentRunItem item);

    private static decimal GrossAmount(InvoiceLine line) => line.NetAmount + line.VatAmount;

    // Loaded collections come back in no particular order; documents read in line order.
    private static IReadOnlyList<InvoiceLineDto> InLineOrder(IReadOnlyList<InvoiceLine> lines) =>
        lines.OrderBy(l => l.LineNumber).Select(ToDto).ToList();

    private static IReadOnlyList<PaymentRunItemDto> InItemOrder(IReadOnlyList<PaymentRunItem> items) =>
        items.OrderBy(i => i.LineNumber).Select(ToDto).ToList();
}
