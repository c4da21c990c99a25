using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Orders.SalesOrders;

/// <summary>A signed contract becomes a sales order in the signing transaction: no hand-off, no copy and paste.</summary>
internal sealed class CreateSalesOrderWhenContractSigned(OrdersDbContext db, DocumentNumbers numbers, TimeProvider clock) : IDomainEventHandler<ContractSigned>
{
    public async Task HandleAsync(ContractSigned contract, CancellationToken cancellationToken)
    {
        if (await db.SalesOrders.AnyAsync(o => o.ContractId == contract.ContractId, cancellationToken)) return;
        var number = $"SO{clock.GetUtcNow().Year}{await numbers.NextAsync("sales-order", cancellationToken):D5}";
        db.SalesOrders.Add(SalesOrder.FromContract(number, contract));
    }
}
