using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Data;

namespace BizSuite.Orders.SalesOrders;

/// <summary>
/// A signed contract becomes a sales order in the signing transaction: no hand-off, no copy and paste.
/// A contract is signed once (its state machine); the unique (tenant, contract) index of orders backs that up.
/// </summary>
internal sealed class CreateSalesOrderWhenContractSigned(OrdersDbContext db, DocumentNumbers numbers, TimeProvider clock) : IDomainEventHandler<ContractSigned>
{
    public async Task HandleAsync(ContractSigned contract, CancellationToken cancellationToken)
    {
        var number = $"SO{clock.GetUtcNow().Year}{await numbers.NextAsync("sales-order", cancellationToken):D5}";
        db.SalesOrders.Add(SalesOrder.FromContract(number, contract));
    }
}
