using System.Data;
using BizSuite.Finance;
using BizSuite.Inventory;
using BizSuite.Orders;
using BizSuite.Purchasing;
using MySqlConnector;
using Batch = BizSuite.Benchmarks.RawSigning.Batch;
using Change = BizSuite.Benchmarks.RawSigning.Change;

namespace BizSuite.Benchmarks;

/// <summary>
/// The limits of <see cref="ProcureBenchmark"/>: each transaction of the application written by hand with MySqlConnector, the same rows
/// (documents, lines, order and balance updates, stock document and movement, voucher and lines, journal events, audit rows, the process
/// instances and milestones Insights keeps, counters) in the same lock order (document row, counters, balance row until commit), in as few round trips
/// as the data dependencies allow: read, lock and number, write, commit.
/// </summary>
internal sealed class RawProcurement(string connectionString)
{
    private const string Inventory = "1405", AccruedPayables = "220201", VatInput = "222102", Payables = "2202", CostOfSales = "6401";

    private sealed record OrderLine(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal Received,
        decimal Billed);

    private sealed record Balance(Guid Id, bool Exists, decimal OnHand, decimal Value, decimal AverageCost, int Version);

    public async Task ReceiveAndBillAsync(ProcureBenchmark.PurchaseItem item)
    {
        await ReceiveAsync(item);
        await BillAsync(item);
    }

    public async Task SignAndDeliverAsync(ProcureBenchmark.SaleItem item)
    {
        await new RawSigning(connectionString).SignAsync(item.Shop.AsSigningTenant(), item.ContractId);
        await DeliverAsync(item);
    }

    // ---- goods receipt -------------------------------------------------------------------------------------------------------------

    private async Task ReceiveAsync(ProcureBenchmark.PurchaseItem item)
    {
        var shop = item.Shop;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var correlation = Guid.CreateVersion7().ToString("N");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // 1. The order and its lines, the warehouse, which products are tracked.
        var read = new Batch();
        var (o, t, wh) = (read.P(item.OrderId), read.P(shop.Id), read.P(shop.WarehouseId));
        read.Sql($"SELECT Number, SupplierId, SupplierName, Currency, Status, Version, ModifiedAt FROM purchasing_orders WHERE Id = {o} AND TenantId = {t};");
        read.Sql($"SELECT Id, ProductId, Description, Quantity, UnitPrice, VatRate, ReceivedQuantity, BilledQuantity FROM purchasing_order_lines WHERE OrderId = {o} ORDER BY LineNumber;");
        read.Sql($"SELECT Name FROM inventory_warehouses WHERE Id = {wh} AND TenantId = {t};");
        read.Sql($"SELECT ProductId FROM inventory_stock_items WHERE TenantId = {t} AND IsTracked AND ProductId IN (SELECT ProductId FROM purchasing_order_lines WHERE OrderId = {o});");
        var (order, lines) = (default(OrderRow)!, new List<OrderLine>());
        string warehouseName;
        var tracked = new HashSet<Guid>();
        await using (var reader = await read.Command(connection, tx).ExecuteReaderAsync())
        {
            order = await ReadOrderAsync(reader, item.OrderId, lines);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            warehouseName = reader.GetString(0);
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) tracked.Add(reader.GetGuid(0));
        }
        var received = new Dictionary<Guid, decimal> { [item.ProductLineId] = ProcureBenchmark.ReceivedProduct, [item.ServiceLineId] = ProcureBenchmark.ReceivedService };
        if (lines.Any(l => l.Received + received[l.Id] > l.Quantity)) throw new InvalidOperationException($"Order {order.Number} would be over-received.");
        var stockLine = lines.Single(l => l.ProductId is { } p && tracked.Contains(p));
        var productId = stockLine.ProductId!.Value;

        // 2. The order row (version), the receipt and voucher counters, the balance row: locked in the app's order until commit.
        var lockBatch = new Batch();
        var status = lines.All(l => l.Received + received[l.Id] >= l.Quantity) ? "Received" : "PartiallyReceived";
        lockBatch.Sql($"UPDATE purchasing_orders SET Status = {lockBatch.P(status)}, Version = {lockBatch.P(order.Version + 1)}, ModifiedAt = {lockBatch.P(now)}, ModifiedBy = {lockBatch.P(shop.AdminId)} WHERE Id = {lockBatch.P(item.OrderId)} AND Version = {lockBatch.P(order.Version)};");
        lockBatch.Sql("SELECT ROW_COUNT();");
        Counters(lockBatch, shop.Id, "purchasing-receipt", "voucher");
        LockBalance(lockBatch, shop.Id, shop.WarehouseId, productId);
        var (counters, balance) = await LockAsync(lockBatch, connection, tx, $"Order {order.Number}");
        var receiptNumber = $"SH{today.Year}{counters["purchasing-receipt"]:D5}";
        var voucherNumber = $"V{today.Year}{counters["voucher"]:D6}";

        // 3. Every row in one batch.
        var receiptId = Guid.CreateVersion7();
        var documentId = Guid.CreateVersion7();
        var voucherId = Guid.CreateVersion7();
        var w = new Batch();
        foreach (var line in lines)
            w.Sql($"UPDATE purchasing_order_lines SET ReceivedQuantity = {w.P(line.Received + received[line.Id])} WHERE Id = {w.P(line.Id)};");
        w.Insert("purchasing_receipts", ["Id", "TenantId", "Number", "OrderId", "OrderNumber", "SupplierId", "SupplierName", "WarehouseId", "WarehouseName", "ReceivedOn", "Note", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[receiptId, shop.Id, receiptNumber, item.OrderId, order.Number, order.SupplierId, order.SupplierName, shop.WarehouseId, warehouseName, today, null, 0, now, shop.AdminId, null, null]]);
        w.Insert("purchasing_receipt_lines", ["Id", "OrderLineId", "ProductId", "Description", "AcceptedQuantity", "RejectedQuantity", "RejectionReason", "UnitCost", "ReceiptId"],
            lines.Select(l => new object?[] { Guid.CreateVersion7(), l.Id, l.ProductId, l.Description, received[l.Id], 0m, null, l.UnitPrice, receiptId }).ToArray());
        var quantity = received[stockLine.Id];
        var value = Math.Round(quantity * stockLine.UnitPrice, 2, MidpointRounding.AwayFromZero);
        var after = balance with { OnHand = balance.OnHand + quantity, Value = balance.Value + value };
        after = after with { AverageCost = Math.Round(after.Value / after.OnHand, 4, MidpointRounding.AwayFromZero) };
        WriteBalance(w, shop, balance, after, productId, now);
        WriteStock(w, shop, documentId, "Receipt", today, StockSources.GoodsReceipt, receiptId, receiptNumber, $"{order.Number} {order.SupplierName}", value,
            productId, quantity, stockLine.UnitPrice, after, now);
        var accrued = lines.Sum(l => Math.Round(received[l.Id] * l.UnitPrice, 2, MidpointRounding.AwayFromZero));
        WriteVoucher(w, shop, voucherId, voucherNumber, today, $"{order.SupplierName} {order.Number}", "GoodsReceipt", receiptId, receiptNumber, now,
            [(Inventory, accrued, 0m), (AccruedPayables, 0m, accrued)]);
        var receivedEvent = Guid.CreateVersion7();
        Journal(w, shop, correlation, now,
        [
            (receivedEvent, null, "GoodsReceipt", receiptId, new GoodsReceived(receiptId, receiptNumber, item.OrderId, order.Number, order.SupplierId, order.SupplierName,
                shop.WarehouseId, today, order.Currency, lines.Select(l => new ReceivedLineData(l.Id, l.ProductId, l.Description, received[l.Id], l.UnitPrice)).ToList())),
            (Guid.CreateVersion7(), receivedEvent, "Voucher", voucherId, new VoucherPosted(voucherId, voucherNumber, today, "GoodsReceipt", receiptId, receiptNumber, accrued)),
        ]);
        Audit(w, shop, correlation, now,
        [
            ("GoodsReceipt", receiptId, "Added", new() { ["Id"] = receiptId, ["CreatedAt"] = now, ["CreatedBy"] = shop.AdminId, ["ModifiedAt"] = null, ["ModifiedBy"] = null,
                ["Note"] = null, ["Number"] = receiptNumber, ["OrderId"] = item.OrderId, ["OrderNumber"] = order.Number, ["ReceivedOn"] = today, ["SupplierId"] = order.SupplierId,
                ["SupplierName"] = order.SupplierName, ["TenantId"] = shop.Id, ["WarehouseId"] = shop.WarehouseId, ["WarehouseName"] = warehouseName }),
            ("PurchaseOrder", item.OrderId, "Modified", new() { ["ModifiedAt"] = new Change(order.ModifiedAt, now), ["ModifiedBy"] = new Change(null, shop.AdminId),
                ["Status"] = new Change(order.Status, status) }),
            StockDocumentAudit(shop, documentId, "Receipt", today, StockSources.GoodsReceipt, receiptId, receiptNumber, value, now),
            VoucherAudit(shop, voucherId, voucherNumber, today, $"{order.SupplierName} {order.Number}", "GoodsReceipt", receiptId, receiptNumber, accrued, now),
        ]);
        Milestone(w, shop.Id, "purchase-order", item.OrderId, "received", now);
        await w.Command(connection, tx).ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    // ---- supplier bill -------------------------------------------------------------------------------------------------------------

    private async Task BillAsync(ProcureBenchmark.PurchaseItem item)
    {
        var shop = item.Shop;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var correlation = Guid.CreateVersion7().ToString("N");
        var invoiceNumber = $"FP-{item.OrderId:N}"[..24];
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // 1. The order and its lines, the supplier's terms, whether the invoice number was billed before.
        var read = new Batch();
        var (o, t) = (read.P(item.OrderId), read.P(shop.Id));
        read.Sql($"SELECT Number, SupplierId, SupplierName, Currency, Status, Version, ModifiedAt FROM purchasing_orders WHERE Id = {o} AND TenantId = {t};");
        read.Sql($"SELECT Id, ProductId, Description, Quantity, UnitPrice, VatRate, ReceivedQuantity, BilledQuantity FROM purchasing_order_lines WHERE OrderId = {o} ORDER BY LineNumber;");
        read.Sql($"SELECT s.PaymentTermDays, EXISTS (SELECT 1 FROM purchasing_bills b WHERE b.TenantId = {t} AND b.SupplierId = s.Id AND b.SupplierInvoiceNumber = {read.P(invoiceNumber)}) FROM purchasing_suppliers s WHERE s.Id = {read.P(shop.SupplierId)} AND s.TenantId = {t};");
        OrderRow order;
        var lines = new List<OrderLine>();
        int terms;
        await using (var reader = await read.Command(connection, tx).ExecuteReaderAsync())
        {
            order = await ReadOrderAsync(reader, item.OrderId, lines);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            terms = reader.GetInt32(0);
            if (reader.GetBoolean(1)) throw new InvalidOperationException($"Invoice {invoiceNumber} was billed before.");
        }
        var billed = new Dictionary<Guid, (decimal Quantity, decimal Price)>
        {
            [item.ProductLineId] = (ProcureBenchmark.ReceivedProduct, ProcureBenchmark.ProductPrice),
            [item.ServiceLineId] = (ProcureBenchmark.ReceivedService, ProcureBenchmark.ServicePrice),
        };
        // The three-way match: the price agreed, and no more than was received and not yet billed.
        if (lines.Any(l => billed[l.Id].Price != l.UnitPrice || l.Billed + billed[l.Id].Quantity > l.Received))
            throw new InvalidOperationException($"The bill of order {order.Number} does not match.");

        // 2. The order row (version) and the bill, payable and voucher counters, locked until commit.
        var lockBatch = new Batch();
        lockBatch.Sql($"UPDATE purchasing_orders SET Version = {lockBatch.P(order.Version + 1)}, ModifiedAt = {lockBatch.P(now)}, ModifiedBy = {lockBatch.P(shop.AdminId)} WHERE Id = {lockBatch.P(item.OrderId)} AND Version = {lockBatch.P(order.Version)};");
        lockBatch.Sql("SELECT ROW_COUNT();");
        Counters(lockBatch, shop.Id, "purchasing-bill", "payable", "voucher");
        var (counters, _) = await LockAsync(lockBatch, connection, tx, $"Order {order.Number}");
        var billNumber = $"JX{today.Year}{counters["purchasing-bill"]:D5}";
        var payableNumber = $"FK{today.Year}{counters["payable"]:D6}";
        var voucherNumber = $"V{today.Year}{counters["voucher"]:D6}";

        // 3. Every row in one batch.
        var billId = Guid.CreateVersion7();
        var payableId = Guid.CreateVersion7();
        var voucherId = Guid.CreateVersion7();
        var amounts = lines.Select(l =>
        {
            var net = Math.Round(billed[l.Id].Quantity * billed[l.Id].Price, 2, MidpointRounding.AwayFromZero);
            return (Line: l, Net: net, Vat: Math.Round(net * l.VatRate, 2, MidpointRounding.AwayFromZero));
        }).ToList();
        var (net, vat) = (amounts.Sum(a => a.Net), amounts.Sum(a => a.Vat));
        var dueOn = today.AddDays(terms);
        var w = new Batch();
        foreach (var line in lines)
            w.Sql($"UPDATE purchasing_order_lines SET BilledQuantity = {w.P(line.Billed + billed[line.Id].Quantity)} WHERE Id = {w.P(line.Id)};");
        w.Insert("purchasing_bills", ["Id", "TenantId", "Number", "SupplierInvoiceNumber", "SupplierId", "SupplierName", "OrderId", "OrderNumber", "BillDate", "DueOn", "Currency", "NetTotal", "VatTotal", "GrossTotal", "Status", "Overridden", "OverrideReason", "PaidOn", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[billId, shop.Id, billNumber, invoiceNumber, order.SupplierId, order.SupplierName, item.OrderId, order.Number, today, dueOn, order.Currency, net, vat, net + vat, "Posted", false, null, null, 0, now, shop.AdminId, null, null]]);
        w.Insert("purchasing_bill_lines", ["Id", "OrderLineId", "Description", "Quantity", "UnitPrice", "VatRate", "NetAmount", "VatAmount", "Matched", "BillId"],
            amounts.Select(a => new object?[] { Guid.CreateVersion7(), a.Line.Id, a.Line.Description, billed[a.Line.Id].Quantity, billed[a.Line.Id].Price, a.Line.VatRate, a.Net, a.Vat, true, billId }).ToArray());
        w.Insert("finance_payables", ["Id", "TenantId", "Number", "PayeeId", "PayeeName", "SourceType", "SourceId", "SourceNumber", "Currency", "Amount", "Status", "RecordedOn", "PaidOn", "Reference", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy", "DueOn", "PaymentRunId"],
            [[payableId, shop.Id, payableNumber, order.SupplierId, order.SupplierName, "supplier-bill", billId, billNumber, order.Currency, net + vat, "Open", today, null, null, 0, now, shop.AdminId, null, null, dueOn, null]]);
        WriteVoucher(w, shop, voucherId, voucherNumber, today, $"{order.SupplierName} {invoiceNumber}", "SupplierBill", billId, billNumber, now,
            [(AccruedPayables, net, 0m), (VatInput, vat, 0m), (Payables, 0m, net + vat)]);
        var postedEvent = Guid.CreateVersion7();
        Journal(w, shop, correlation, now,
        [
            (postedEvent, null, "SupplierBill", billId, new SupplierBillPosted(billId, billNumber, invoiceNumber, order.SupplierId, order.SupplierName, item.OrderId,
                order.Number, today, dueOn, order.Currency, net, vat, net + vat, false)),
            (Guid.CreateVersion7(), postedEvent, "Voucher", voucherId, new VoucherPosted(voucherId, voucherNumber, today, "SupplierBill", billId, billNumber, net + vat)),
        ]);
        Audit(w, shop, correlation, now,
        [
            ("SupplierBill", billId, "Added", new() { ["Id"] = billId, ["BillDate"] = today, ["CreatedAt"] = now, ["CreatedBy"] = shop.AdminId, ["Currency"] = order.Currency,
                ["DueOn"] = dueOn, ["GrossTotal"] = net + vat, ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["NetTotal"] = net, ["Number"] = billNumber,
                ["OrderId"] = item.OrderId, ["OrderNumber"] = order.Number, ["OverrideReason"] = null, ["Overridden"] = false, ["PaidOn"] = null, ["Status"] = "Posted",
                ["SupplierId"] = order.SupplierId, ["SupplierInvoiceNumber"] = invoiceNumber, ["SupplierName"] = order.SupplierName, ["TenantId"] = shop.Id, ["VatTotal"] = vat }),
            ("Payable", payableId, "Added", new() { ["Id"] = payableId, ["Amount"] = net + vat, ["CreatedAt"] = now, ["CreatedBy"] = shop.AdminId, ["Currency"] = order.Currency,
                ["DueOn"] = dueOn, ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["Number"] = payableNumber, ["PaidOn"] = null, ["PayeeId"] = order.SupplierId,
                ["PayeeName"] = order.SupplierName, ["PaymentRunId"] = null, ["RecordedOn"] = today, ["Reference"] = null, ["SourceId"] = billId,
                ["SourceNumber"] = billNumber, ["SourceType"] = "supplier-bill", ["Status"] = "Open", ["TenantId"] = shop.Id }),
            VoucherAudit(shop, voucherId, voucherNumber, today, $"{order.SupplierName} {invoiceNumber}", "SupplierBill", billId, billNumber, net + vat, now),
        ]);
        Instance(w, shop.Id, "supplier-bill", billId, billNumber, order.SupplierName, item.OrderId, net + vat, order.Currency, dueOn, "billed",
            today.ToDateTime(TimeOnly.MinValue));
        Milestone(w, shop.Id, "purchase-order", item.OrderId, "billed", now);
        await w.Command(connection, tx).ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    // ---- sales delivery ------------------------------------------------------------------------------------------------------------

    private async Task DeliverAsync(ProcureBenchmark.SaleItem item)
    {
        var shop = item.Shop;
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var correlation = Guid.CreateVersion7().ToString("N");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // 1. The contract's order and its lines, the default warehouse, which products are tracked.
        var read = new Batch();
        var (c, t) = (read.P(item.ContractId), read.P(shop.Id));
        read.Sql($"SELECT Id, Number, Status, Version, ModifiedAt FROM orders_sales_orders WHERE ContractId = {c} AND TenantId = {t};");
        read.Sql($"SELECT l.Id, l.ProductId, l.Description, l.Quantity, l.DeliveredQuantity FROM orders_sales_order_lines l JOIN orders_sales_orders o ON o.Id = l.SalesOrderId WHERE o.ContractId = {c} AND o.TenantId = {t} ORDER BY l.LineNumber;");
        read.Sql($"SELECT Id FROM inventory_warehouses WHERE TenantId = {t} AND IsDefault AND IsActive LIMIT 1;");
        read.Sql($"SELECT ProductId FROM inventory_stock_items WHERE TenantId = {t} AND IsTracked AND ProductId = {read.P(shop.ProductId)};");
        Guid orderId, warehouseId;
        string orderNumber, orderStatus;
        int version;
        DateTime? modifiedAt;
        var lines = new List<(Guid Id, Guid? ProductId, string Description, decimal Quantity, decimal Delivered)>();
        var tracked = false;
        await using (var reader = await read.Command(connection, tx).ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"No order of contract {item.ContractId}.");
            (orderId, orderNumber, orderStatus, version) = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
            modifiedAt = reader.IsDBNull(4) ? null : reader.GetDateTime(4);
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
                lines.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetDecimal(3), reader.GetDecimal(4)));
            await reader.NextResultAsync();
            await reader.ReadAsync();
            warehouseId = reader.GetGuid(0);
            await reader.NextResultAsync();
            tracked = await reader.ReadAsync();
        }
        var line = lines.Single(l => l.ProductId == shop.ProductId);
        if (!tracked || line.Delivered + ProcureBenchmark.SoldQuantity > line.Quantity) throw new InvalidOperationException($"Order {orderNumber} is not deliverable.");
        var status = lines.All(l => l.Delivered + (l.Id == line.Id ? ProcureBenchmark.SoldQuantity : 0) == l.Quantity) ? "Delivered" : "PartiallyDelivered";

        // 2. The order row (version), the voucher counter, the balance row.
        var lockBatch = new Batch();
        lockBatch.Sql($"UPDATE orders_sales_orders SET Status = {lockBatch.P(status)}, Version = {lockBatch.P(version + 1)}, ModifiedAt = {lockBatch.P(now)}, ModifiedBy = {lockBatch.P(shop.AdminId)} WHERE Id = {lockBatch.P(orderId)} AND Version = {lockBatch.P(version)};");
        lockBatch.Sql("SELECT ROW_COUNT();");
        Counters(lockBatch, shop.Id, "voucher");
        LockBalance(lockBatch, shop.Id, warehouseId, shop.ProductId);
        var (counters, balance) = await LockAsync(lockBatch, connection, tx, $"Order {orderNumber}");
        var voucherNumber = $"V{today.Year}{counters["voucher"]:D6}";
        const decimal quantity = ProcureBenchmark.SoldQuantity;
        if (balance.OnHand < quantity) throw new InvalidOperationException("Insufficient stock.");

        // 3. Every row in one batch.
        var deliveryId = Guid.CreateVersion7();
        var documentId = Guid.CreateVersion7();
        var voucherId = Guid.CreateVersion7();
        var cost = quantity == balance.OnHand ? balance.Value : Math.Round(quantity * balance.AverageCost, 2, MidpointRounding.AwayFromZero);
        var after = balance with { OnHand = balance.OnHand - quantity, Value = balance.Value - cost };
        var w = new Batch();
        w.Sql($"UPDATE orders_sales_order_lines SET DeliveredQuantity = {w.P(line.Delivered + quantity)} WHERE Id = {w.P(line.Id)};");
        w.Insert("orders_deliveries", ["Id", "DeliveredOn", "Note", "SalesOrderId"], [[deliveryId, today, null, orderId]]);
        w.Insert("orders_delivery_lines", ["Id", "OrderLineId", "Quantity", "DeliveryId"], [[Guid.CreateVersion7(), line.Id, quantity, deliveryId]]);
        WriteBalance(w, shop, balance, after, shop.ProductId, now);
        WriteStock(w, shop, documentId, "Delivery", today, StockSources.SalesDelivery, deliveryId, orderNumber, null, -cost, shop.ProductId, -quantity,
            balance.AverageCost, after, now);
        WriteVoucher(w, shop, voucherId, voucherNumber, today, orderNumber, "StockIssue", deliveryId, orderNumber, now, [(CostOfSales, cost, 0m), (Inventory, 0m, cost)]);
        var (deliveredEvent, issuedEvent) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        Journal(w, shop, correlation, now,
        [
            (deliveredEvent, null, "SalesOrder", orderId, new DeliveryRecorded(orderId, item.ContractId, deliveryId, status == "Delivered", today,
                [new DeliveredLineData(line.Id, line.ProductId, line.Description, quantity)])),
            (issuedEvent, deliveredEvent, "StockDocument", documentId, new StockIssued(deliveryId, StockSources.SalesDelivery, orderNumber, today, cost)),
            (Guid.CreateVersion7(), issuedEvent, "Voucher", voucherId, new VoucherPosted(voucherId, voucherNumber, today, "StockIssue", deliveryId, orderNumber, cost)),
        ]);
        Audit(w, shop, correlation, now,
        [
            ("SalesOrder", orderId, "Modified", new() { ["ModifiedAt"] = new Change(modifiedAt, now), ["ModifiedBy"] = new Change(null, shop.AdminId),
                ["Status"] = new Change(orderStatus, status) }),
            StockDocumentAudit(shop, documentId, "Delivery", today, StockSources.SalesDelivery, deliveryId, orderNumber, -cost, now),
            VoucherAudit(shop, voucherId, voucherNumber, today, orderNumber, "StockIssue", deliveryId, orderNumber, cost, now),
        ]);
        await w.Command(connection, tx).ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    // ---- shared pieces -------------------------------------------------------------------------------------------------------------

    private sealed record OrderRow(string Number, Guid SupplierId, string SupplierName, string Currency, string Status, int Version, DateTime? ModifiedAt);

    private static async Task<OrderRow> ReadOrderAsync(MySqlDataReader reader, Guid orderId, List<OrderLine> lines)
    {
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"Purchase order {orderId} not found.");
        var order = new OrderRow(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
            reader.IsDBNull(6) ? null : reader.GetDateTime(6));
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
            lines.Add(new OrderLine(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetDecimal(3),
                reader.GetDecimal(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7)));
        return order;
    }

    /// <summary>Takes the next numbers (the counter rows stay locked until commit) and reads them in the same batch.</summary>
    private static void Counters(Batch batch, Guid tenantId, params string[] kinds)
    {
        var t = batch.P(tenantId);
        foreach (var kind in kinds)
            batch.Sql($"INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES ({t}, '{kind}', 1) ON DUPLICATE KEY UPDATE Next = Next + 1;");
        batch.Sql($"SELECT Kind, Next FROM kernel_counters WHERE TenantId = {t} AND Kind IN ({string.Join(", ", kinds.Select(k => $"'{k}'"))});");
    }

    private static void LockBalance(Batch batch, Guid tenantId, Guid warehouseId, Guid productId) =>
        batch.Sql($"SELECT Id, OnHand, Value, AverageCost, Version FROM inventory_stock_balances WHERE TenantId = {batch.P(tenantId)} AND WarehouseId = {batch.P(warehouseId)} AND ProductId = {batch.P(productId)} FOR UPDATE;");

    /// <summary>Runs the lock batch: the version check's row count, the counters, and the balance when one was locked (else a new one).</summary>
    private static async Task<(Dictionary<string, long> Counters, Balance Balance)> LockAsync(Batch batch, MySqlConnection connection, MySqlTransaction tx, string what)
    {
        var counters = new Dictionary<string, long>();
        var balance = new Balance(Guid.CreateVersion7(), false, 0m, 0m, 0m, 0);
        await using var reader = await batch.Command(connection, tx).ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.GetInt64(0) != 1) throw new DBConcurrencyException($"{what} was changed meanwhile.");
        await reader.NextResultAsync();
        while (await reader.ReadAsync()) counters[reader.GetString(0)] = reader.GetInt64(1);
        if (await reader.NextResultAsync() && await reader.ReadAsync())
            balance = new Balance(reader.GetGuid(0), true, reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetInt32(4));
        return (counters, balance);
    }

    private static void WriteBalance(Batch w, ProcureBenchmark.Shop shop, Balance before, Balance after, Guid productId, DateTime now)
    {
        if (before.Exists)
            w.Sql($"UPDATE inventory_stock_balances SET OnHand = {w.P(after.OnHand)}, Value = {w.P(after.Value)}, AverageCost = {w.P(after.AverageCost)}, Version = {w.P(before.Version + 1)}, ModifiedAt = {w.P(now)}, ModifiedBy = {w.P(shop.AdminId)} WHERE Id = {w.P(before.Id)} AND Version = {w.P(before.Version)};");
        else
            w.Insert("inventory_stock_balances", ["Id", "TenantId", "ProductId", "WarehouseId", "OnHand", "Value", "AverageCost", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
                [[after.Id, shop.Id, productId, shop.WarehouseId, after.OnHand, after.Value, after.AverageCost, 0, now, shop.AdminId, null, null]]);
    }

    private static void WriteStock(Batch w, ProcureBenchmark.Shop shop, Guid documentId, string kind, DateOnly on, string sourceType, Guid sourceId, string sourceNumber,
        string? reason, decimal value, Guid productId, decimal quantity, decimal unitCost, Balance after, DateTime now)
    {
        w.Insert("inventory_stock_documents", ["Id", "TenantId", "Kind", "WarehouseId", "OccurredOn", "SourceType", "SourceId", "SourceNumber", "Reason", "TotalValue", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[documentId, shop.Id, kind, shop.WarehouseId, on, sourceType, sourceId, sourceNumber, reason, value, 0, now, shop.AdminId, null, null]]);
        w.Insert("inventory_movements", ["Id", "TenantId", "DocumentId", "ProductId", "WarehouseId", "Kind", "OccurredOn", "Quantity", "UnitCost", "Value", "OnHandAfter", "AverageCostAfter", "SourceType", "SourceId", "SourceNumber", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[Guid.CreateVersion7(), shop.Id, documentId, productId, shop.WarehouseId, kind, on, quantity, unitCost, value, after.OnHand, after.AverageCost, sourceType, sourceId, sourceNumber, now, shop.AdminId, null, null]]);
    }

    private static void WriteVoucher(Batch w, ProcureBenchmark.Shop shop, Guid voucherId, string number, DateOnly on, string summary, string sourceType, Guid sourceId,
        string sourceNumber, DateTime now, (string Account, decimal Debit, decimal Credit)[] lines)
    {
        w.Insert("finance_vouchers", ["Id", "TenantId", "Number", "PostedOn", "Summary", "SourceType", "SourceId", "SourceNumber", "Total", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[voucherId, shop.Id, number, on, summary, sourceType, sourceId, sourceNumber, lines.Sum(l => l.Debit), 0, now, shop.AdminId, null, null]]);
        w.Insert("finance_voucher_lines", ["Id", "LineNumber", "AccountCode", "Debit", "Credit", "VoucherId"],
            lines.Where(l => l.Debit + l.Credit != 0).Select((l, i) => new object?[] { Guid.CreateVersion7(), i + 1, l.Account, l.Debit, l.Credit, voucherId }).ToArray());
    }

    private static void Journal(Batch w, ProcureBenchmark.Shop shop, string correlation, DateTime now,
        (Guid Id, Guid? Causation, string AggregateType, Guid AggregateId, Kernel.IDomainEvent Event)[] events) =>
        w.Insert("kernel_event_journal", ["Id", "TenantId", "EventType", "AggregateType", "AggregateId", "CorrelationId", "CausationId", "OccurredAt", "Payload"],
            events.Select(e => new object?[] { e.Id, shop.Id, e.Event.GetType().Name, e.AggregateType, e.AggregateId, correlation, e.Causation, now, RawSigning.Json(e.Event) }).ToArray());

    private static void Audit(Batch w, ProcureBenchmark.Shop shop, string correlation, DateTime now,
        (string Type, Guid Id, string Change, Dictionary<string, object?> Values)[] rows) =>
        w.Insert("kernel_entity_changes", ["Id", "TenantId", "EntityType", "EntityId", "ChangeType", "Changes", "UserId", "CorrelationId", "ChangedAt"],
            rows.Select(r => new object?[] { Guid.CreateVersion7(), shop.Id, r.Type, r.Id.ToString(), r.Change, RawSigning.Changes(r.Values, r.Change == "Added"), shop.AdminId, correlation, now }).ToArray());

    private static (string, Guid, string, Dictionary<string, object?>) StockDocumentAudit(ProcureBenchmark.Shop shop, Guid id, string kind, DateOnly on, string sourceType,
        Guid sourceId, string sourceNumber, decimal value, DateTime now) => ("StockDocument", id, "Added", new()
    {
        ["Id"] = id, ["CreatedAt"] = now, ["CreatedBy"] = shop.AdminId, ["Kind"] = kind, ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["OccurredOn"] = on,
        ["Reason"] = null, ["SourceId"] = sourceId, ["SourceNumber"] = sourceNumber, ["SourceType"] = sourceType, ["TenantId"] = shop.Id, ["TotalValue"] = value,
        ["WarehouseId"] = shop.WarehouseId,
    });

    private static (string, Guid, string, Dictionary<string, object?>) VoucherAudit(ProcureBenchmark.Shop shop, Guid id, string number, DateOnly on, string summary,
        string sourceType, Guid sourceId, string sourceNumber, decimal total, DateTime now) => ("Voucher", id, "Added", new()
    {
        ["Id"] = id, ["CreatedAt"] = now, ["CreatedBy"] = shop.AdminId, ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["Number"] = number, ["PostedOn"] = on,
        ["SourceId"] = sourceId, ["SourceNumber"] = sourceNumber, ["SourceType"] = sourceType, ["Summary"] = summary, ["TenantId"] = shop.Id, ["Total"] = total,
    });

    /// <summary>The process milestone Insights records for a document whose instance exists (since the document was created or submitted).</summary>
    internal static void Milestone(Batch w, Guid tenantId, string documentType, Guid documentId, string name, DateTime at) =>
        w.Sql($"INSERT INTO insights_milestones (Id, TenantId, InstanceId, DocumentType, Name, `At`) SELECT {w.P(Guid.CreateVersion7())}, {w.P(tenantId)}, Id, DocumentType, {w.P(name)}, {w.P(at)} FROM insights_process_instances WHERE TenantId = {w.P(tenantId)} AND DocumentType = {w.P(documentType)} AND DocumentId = {w.P(documentId)};");

    /// <summary>A new document's process instance (Insights) with its first milestone.</summary>
    internal static void Instance(Batch w, Guid tenantId, string documentType, Guid documentId, string number, string title, Guid? parentId, decimal amount,
        string currency, DateOnly? dueOn, string milestone, DateTime at)
    {
        var id = Guid.CreateVersion7();
        w.Insert("insights_process_instances", ["Id", "TenantId", "DocumentType", "DocumentId", "Number", "Title", "Category", "ParentId", "Amount", "Currency", "DueOn", "Settled"],
            [[id, tenantId, documentType, documentId, number, title, null, parentId, amount, currency, dueOn, 0m]]);
        w.Insert("insights_milestones", ["Id", "TenantId", "InstanceId", "DocumentType", "Name", "At"], [[Guid.CreateVersion7(), tenantId, id, documentType, milestone, at]]);
    }
}
