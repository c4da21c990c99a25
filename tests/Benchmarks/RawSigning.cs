using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BizSuite.Crm;
using BizSuite.Finance;
using BizSuite.Kernel;
using BizSuite.Orders;
using MySqlConnector;

namespace BizSuite.Benchmarks;

/// <summary>
/// The limit: signing a contract as one hand-written MySqlConnector transaction that writes the same rows
/// as the application (signed contract, sales order + lines, receivable + lines + installments, the
/// on-signing invoice + lines, its voucher + lines, four journal events, five audit rows, three counters, and the process
/// instances and milestones Insights keeps)
/// in the same lock order (contract row, then the sales-order, invoice and voucher counters until commit),
/// in as few round trips as the data dependencies allow: read, lock and number, write, commit.
/// </summary>
internal sealed class RawSigning(string connectionString)
{
    private static readonly CultureInfo AuditCulture = CultureInfo.GetCultureInfo("zh-CN"); // the request culture the app formats audit values in

    public async Task SignAsync(SigningBenchmark.Tenant tenant, Guid contractId)
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var user = tenant.AdminId;
        var correlation = Guid.CreateVersion7().ToString("N");

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);

        // 1. Read the contract, its lines and plan, and the payment term.
        var read = new Batch();
        var id = read.P(contractId);
        var t = read.P(tenant.Id);
        read.Sql($"SELECT Number, CustomerId, CustomerName, Currency, Status, NetTotal, VatTotal, GrossTotal, Version, ModifiedAt FROM crm_contracts WHERE Id = {id} AND TenantId = {t};");
        read.Sql($"SELECT LineNumber, ProductId, Description, Quantity, UnitPrice, DiscountRate, VatRate, NetAmount, VatAmount FROM crm_contract_lines WHERE ContractId = {id} ORDER BY LineNumber;");
        read.Sql($"SELECT Number, `Trigger`, DueDate, Amount FROM crm_contract_installments WHERE ContractId = {id} ORDER BY Number;");
        read.Sql($"SELECT Value FROM kernel_settings WHERE Name = 'Finance.PaymentTermDays' AND (TenantId IS NULL OR TenantId = {t}) ORDER BY TenantId IS NULL;");
        string number, customerName, currency;
        Guid customerId;
        decimal netTotal, vatTotal, grossTotal;
        int version;
        DateTime? modifiedAt;
        var lines = new List<ContractLineData>();
        var plan = new List<InstallmentData>();
        var termDays = 30;
        await using (var reader = await read.Command(connection, tx).ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"Contract {contractId} not found.");
            if (reader.GetString(4) != "Approved") throw new InvalidOperationException($"Contract {contractId} is {reader.GetString(4)}.");
            (number, customerId, customerName, currency) = (reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3));
            (netTotal, vatTotal, grossTotal, version) = (reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt32(8));
            modifiedAt = reader.IsDBNull(9) ? null : reader.GetDateTime(9);
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
                lines.Add(new ContractLineData(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetDecimal(3),
                    reader.GetDecimal(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetDecimal(8)));
            await reader.NextResultAsync();
            while (await reader.ReadAsync())
                plan.Add(new InstallmentData(reader.GetInt32(0), Enum.Parse<InstallmentTrigger>(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : DateOnly.FromDateTime(reader.GetDateTime(2)), reader.GetDecimal(3)));
            await reader.NextResultAsync();
            if (await reader.ReadAsync()) termDays = int.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
        }

        // 2. Sign (the contract row is locked first, as in the app), then take the three numbers; the counter rows stay locked until commit.
        var lockBatch = new Batch();
        id = lockBatch.P(contractId);
        t = lockBatch.P(tenant.Id);
        var u = lockBatch.P(user);
        var n = lockBatch.P(now);
        lockBatch.Sql($"UPDATE crm_contracts SET Status = 'Signed', SignedOn = {lockBatch.P(today)}, SignedBy = {u}, Version = {lockBatch.P(version + 1)}, ModifiedAt = {n}, ModifiedBy = {u} WHERE Id = {id} AND Version = {lockBatch.P(version)};");
        lockBatch.Sql("SELECT ROW_COUNT();");
        foreach (var kind in new[] { "sales-order", "invoice", "voucher" })
            lockBatch.Sql($"INSERT INTO kernel_counters (TenantId, Kind, Next) VALUES ({t}, '{kind}', 1) ON DUPLICATE KEY UPDATE Next = Next + 1;");
        lockBatch.Sql($"SELECT Kind, Next FROM kernel_counters WHERE TenantId = {t} AND Kind IN ('sales-order', 'invoice', 'voucher');");
        var counters = new Dictionary<string, long>();
        await using (var reader = await lockBatch.Command(connection, tx).ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            if (reader.GetInt64(0) != 1) throw new DBConcurrencyException($"Contract {contractId} was changed meanwhile.");
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) counters[reader.GetString(0)] = reader.GetInt64(1);
        }
        var orderNumber = $"SO{today.Year}{counters["sales-order"]:D5}";
        var invoiceNumber = $"FP{today.Year}{counters["invoice"]:D6}";
        var voucherNumber = $"V{today.Year}{counters["voucher"]:D6}";

        // 3. Every row, in one batch.
        var orderId = Guid.CreateVersion7();
        var receivableId = Guid.CreateVersion7();
        var invoiceId = Guid.CreateVersion7();
        var voucherId = Guid.CreateVersion7();
        var onSigning = plan.Single(i => i.Trigger == InstallmentTrigger.OnSigning);
        var dueOn = today.AddDays(termDays);
        var invoiceLines = InvoiceLines(lines, onSigning.Amount, grossTotal);
        var (invNet, invVat, invGross) = (invoiceLines.Sum(l => l.Net), invoiceLines.Sum(l => l.Vat), invoiceLines.Sum(l => l.Net + l.Vat));

        var w = new Batch();
        w.Insert("orders_sales_orders", ["Id", "TenantId", "Number", "ContractId", "ContractNumber", "CustomerId", "CustomerName", "Currency", "Status", "CollectionStatus", "NetTotal", "VatTotal", "GrossTotal", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[orderId, tenant.Id, orderNumber, contractId, number, customerId, customerName, currency, "Open", "Unpaid", netTotal, vatTotal, grossTotal, 0, now, user, null, null]]);
        w.Insert("orders_sales_order_lines", ["Id", "LineNumber", "ProductId", "Description", "Quantity", "DeliveredQuantity", "UnitPrice", "DiscountRate", "VatRate", "NetAmount", "VatAmount", "SalesOrderId"],
            lines.Select(l => new object?[] { Guid.CreateVersion7(), l.LineNumber, l.ProductId, l.Description, l.Quantity, 0m, l.UnitPrice, l.DiscountRate, l.VatRate, l.NetAmount, l.VatAmount, orderId }).ToArray());
        w.Insert("finance_receivables", ["Id", "TenantId", "ContractId", "ContractNumber", "OrderId", "CustomerId", "CustomerName", "Currency", "GrossTotal", "Invoiced", "Credited", "Paid", "Status", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[receivableId, tenant.Id, contractId, number, orderId, customerId, customerName, currency, grossTotal, onSigning.Amount, 0m, 0m, "Unpaid", 0, now, user, null, null]]);
        w.Insert("finance_receivable_lines", ["Id", "LineNumber", "Description", "Quantity", "VatRate", "NetAmount", "VatAmount", "ReceivableId"],
            lines.Select(l => new object?[] { Guid.CreateVersion7(), l.LineNumber, l.Description, l.Quantity, l.VatRate, l.NetAmount, l.VatAmount, receivableId }).ToArray());
        w.Insert("finance_receivable_installments", ["Id", "Number", "Trigger", "DueDate", "Amount", "InvoiceId", "InvoiceDueOn", "Paid", "IsCredited", "ReceivableId"],
            plan.Select(i => new object?[] { Guid.CreateVersion7(), i.Number, i.Trigger.ToString(), i.DueDate, i.Amount,
                i == onSigning ? invoiceId : null, i == onSigning ? dueOn : null, 0m, false, receivableId }).ToArray());
        w.Insert("finance_invoices", ["Id", "TenantId", "Number", "ContractId", "ContractNumber", "OrderId", "CustomerId", "CustomerName", "Currency", "InstallmentNumber", "Status", "IssuedOn", "DueOn", "NetTotal", "VatTotal", "GrossTotal", "PaidAmount", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[invoiceId, tenant.Id, invoiceNumber, contractId, number, orderId, customerId, customerName, currency, onSigning.Number, "Open", today, dueOn, invNet, invVat, invGross, 0m, 0, now, user, null, null]]);
        w.Insert("finance_invoice_lines", ["Id", "LineNumber", "Description", "Quantity", "UnitPrice", "VatRate", "NetAmount", "VatAmount", "InvoiceId"],
            invoiceLines.Select(l => new object?[] { Guid.CreateVersion7(), l.Line.LineNumber, l.Line.Description, l.Line.Quantity,
                l.Line.Quantity == 0 ? l.Net : Math.Round(l.Net / l.Line.Quantity, 4), l.Line.VatRate, l.Net, l.Vat, invoiceId }).ToArray());
        w.Insert("finance_vouchers", ["Id", "TenantId", "Number", "PostedOn", "Summary", "SourceType", "SourceId", "SourceNumber", "Total", "Version", "CreatedAt", "CreatedBy", "ModifiedAt", "ModifiedBy"],
            [[voucherId, tenant.Id, voucherNumber, today, customerName, "Invoice", invoiceId, invoiceNumber, invGross, 0, now, user, null, null]]);
        w.Insert("finance_voucher_lines", ["Id", "LineNumber", "AccountCode", "Debit", "Credit", "VoucherId"],
            new (string Account, decimal Debit, decimal Credit)[] { ("1122", invGross, 0m), ("6001", 0m, invNet), ("222101", 0m, invVat) }
                .Where(l => l.Debit + l.Credit != 0)
                .Select((l, i) => new object?[] { Guid.CreateVersion7(), i + 1, l.Account, l.Debit, l.Credit, voucherId }).ToArray());

        var signed = new ContractSigned(contractId, number, customerId, customerName, currency, today, netTotal, vatTotal, grossTotal, lines, plan);
        var signedEventId = Guid.CreateVersion7();
        var orderEventId = Guid.CreateVersion7();
        var invoiceEventId = Guid.CreateVersion7();
        w.Insert("kernel_event_journal", ["Id", "TenantId", "EventType", "AggregateType", "AggregateId", "CorrelationId", "CausationId", "OccurredAt", "Payload"],
        [
            [signedEventId, tenant.Id, nameof(ContractSigned), "Contract", contractId, correlation, null, now, Json(signed)],
            [orderEventId, tenant.Id, nameof(SalesOrderCreated), "SalesOrder", orderId, correlation, signedEventId, now,
                Json(new SalesOrderCreated(orderId, orderNumber, contractId, number, customerId, customerName, currency, today, netTotal, vatTotal, grossTotal, lines, plan))],
            [invoiceEventId, tenant.Id, nameof(InvoiceIssued), "Invoice", invoiceId, correlation, orderEventId, now,
                Json(new InvoiceIssued(invoiceId, invoiceNumber, contractId, orderId, customerId, customerName, currency, onSigning.Number, today, dueOn, invNet, invVat, invGross))],
            [Guid.CreateVersion7(), tenant.Id, nameof(VoucherPosted), "Voucher", voucherId, correlation, invoiceEventId, now,
                Json(new VoucherPosted(voucherId, voucherNumber, today, "Invoice", invoiceId, invoiceNumber, invGross))],
        ]);
        object?[] Audit(string type, Guid entityId, string change, Dictionary<string, object?> values) =>
            [Guid.CreateVersion7(), tenant.Id, type, entityId.ToString(), change, Changes(values, change == "Added"), user, correlation, now];
        w.Insert("kernel_entity_changes", ["Id", "TenantId", "EntityType", "EntityId", "ChangeType", "Changes", "UserId", "CorrelationId", "ChangedAt"],
        [
            Audit("Contract", contractId, "Modified", new() { ["ModifiedAt"] = new Change(modifiedAt, now), ["SignedBy"] = new Change(null, user), ["SignedOn"] = new Change(null, today), ["Status"] = new Change("Approved", "Signed") }),
            Audit("SalesOrder", orderId, "Added", new() { ["Id"] = orderId, ["CollectionStatus"] = "Unpaid", ["ContractId"] = contractId, ["ContractNumber"] = number, ["CreatedAt"] = now, ["CreatedBy"] = user,
                ["Currency"] = currency, ["CustomerId"] = customerId, ["CustomerName"] = customerName, ["GrossTotal"] = grossTotal, ["ModifiedAt"] = null, ["ModifiedBy"] = null,
                ["NetTotal"] = netTotal, ["Number"] = orderNumber, ["Status"] = "Open", ["TenantId"] = tenant.Id, ["VatTotal"] = vatTotal }),
            Audit("Receivable", receivableId, "Added", new() { ["Id"] = receivableId, ["ContractId"] = contractId, ["ContractNumber"] = number, ["CreatedAt"] = now, ["CreatedBy"] = user,
                ["Credited"] = 0m, ["Currency"] = currency, ["CustomerId"] = customerId, ["CustomerName"] = customerName, ["GrossTotal"] = grossTotal, ["Invoiced"] = onSigning.Amount,
                ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["OrderId"] = orderId, ["Paid"] = 0m, ["Status"] = "Unpaid", ["TenantId"] = tenant.Id }),
            Audit("Invoice", invoiceId, "Added", new() { ["Id"] = invoiceId, ["CheckoutSessionId"] = null, ["CheckoutUrl"] = null, ["ContractId"] = contractId, ["ContractNumber"] = number, ["CreatedAt"] = now, ["CreatedBy"] = user,
                ["Currency"] = currency, ["CustomerId"] = customerId, ["CustomerName"] = customerName, ["DueOn"] = dueOn, ["GrossTotal"] = invGross, ["InstallmentNumber"] = onSigning.Number,
                ["IssuedOn"] = today, ["ModifiedAt"] = null, ["ModifiedBy"] = null, ["NetTotal"] = invNet, ["Number"] = invoiceNumber, ["OrderId"] = orderId, ["PaidAmount"] = 0m,
                ["Status"] = "Open", ["TenantId"] = tenant.Id, ["VatTotal"] = invVat }),
            Audit("Voucher", voucherId, "Added", new() { ["Id"] = voucherId, ["CreatedAt"] = now, ["CreatedBy"] = user, ["ModifiedAt"] = null, ["ModifiedBy"] = null,
                ["Number"] = voucherNumber, ["PostedOn"] = today, ["SourceId"] = invoiceId, ["SourceNumber"] = invoiceNumber, ["SourceType"] = "Invoice",
                ["Summary"] = customerName, ["TenantId"] = tenant.Id, ["Total"] = invGross }),
        ]);
        // The process instances Insights keeps: the contract signed, the order and its invoice with their first milestones.
        w.Sql($"UPDATE insights_process_instances SET Number = {w.P(number)}, Title = {w.P(customerName)}, Amount = {w.P(grossTotal)}, Currency = {w.P(currency)} WHERE TenantId = {w.P(tenant.Id)} AND DocumentType = 'contract' AND DocumentId = {w.P(contractId)};");
        RawProcurement.Milestone(w, tenant.Id, "contract", contractId, "signed", now);
        RawProcurement.Instance(w, tenant.Id, "sales-order", orderId, orderNumber, customerName, contractId, grossTotal, currency, null, "created", now);
        RawProcurement.Instance(w, tenant.Id, "invoice", invoiceId, invoiceNumber, customerName, contractId, invGross, currency, dueOn, "issued", today.ToDateTime(TimeOnly.MinValue));
        RawProcurement.Milestone(w, tenant.Id, "contract", contractId, "first-invoice", now);
        await w.Command(connection, tx).ExecuteNonQueryAsync();

        await tx.CommitAsync();
    }

    /// <summary>
    /// The installment's share of each line's gross, the largest line taking the rounding cents, split at the line's VAT rate
    /// (as Receivable.LinesFor does for every installment but the plan's last, which the on-signing one never is here).
    /// </summary>
    private static List<(ContractLineData Line, decimal Net, decimal Vat)> InvoiceLines(List<ContractLineData> lines, decimal amount, decimal grossTotal)
    {
        var shares = lines.Select(l => Math.Round((l.NetAmount + l.VatAmount) * amount / grossTotal, 2, MidpointRounding.AwayFromZero)).ToArray();
        var largest = Array.IndexOf(shares, shares.Max());
        shares[largest] += amount - shares.Sum();
        return lines.Select((l, i) =>
        {
            var net = Math.Round(shares[i] / (1 + l.VatRate), 2, MidpointRounding.AwayFromZero);
            return (l, net, shares[i] - net);
        }).Where(x => x.Item2 + x.Item3 != 0).ToList();
    }

    internal static string Json(IDomainEvent e) => JsonSerializer.Serialize(e, e.GetType(), JournalJson.Options);

    /// <summary>The audit log's shape: property → {old, new}, values as the request culture prints them.</summary>
    internal static string Changes(Dictionary<string, object?> values, bool added) => JsonSerializer.Serialize(values.ToDictionary(kv => kv.Key, kv =>
        kv.Value is Change change
            ? new { old = Text(change.Old), @new = Text(change.New) }
            : new { old = (string?)null, @new = Text(kv.Value) }), JournalJson.Options);

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, AuditCulture),
        _ => value.ToString(),
    };

    internal sealed record Change(object? Old, object? New);

    /// <summary>SQL statements with numbered parameters, sent as one command (one round trip).</summary>
    internal sealed class Batch
    {
        private readonly StringBuilder _sql = new();
        private readonly List<MySqlParameter> _parameters = [];

        public string P(object? value)
        {
            var name = "@p" + _parameters.Count;
            _parameters.Add(new MySqlParameter(name, value switch
            {
                null => DBNull.Value,
                Guid g => g.ToString(),
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                _ => value,
            }));
            return name;
        }

        public void Sql(string statement) => _sql.AppendLine(statement);

        public void Insert(string table, string[] columns, object?[][] rows)
        {
            _sql.Append("INSERT INTO ").Append(table).Append(" (`").AppendJoin("`, `", columns).Append("`) VALUES ");
            _sql.AppendJoin(", ", rows.Select(row => "(" + string.Join(", ", row.Select(P)) + ")"));
            _sql.AppendLine(";");
        }

        public MySqlCommand Command(MySqlConnection connection, MySqlTransaction tx)
        {
            var command = new MySqlCommand(_sql.ToString(), connection, tx);
            command.Parameters.AddRange(_parameters.ToArray());
            return command;
        }
    }
}
