using BizSuite.Crm;
using BizSuite.Kernel;
using BizSuite.Orders.Data;
using BizSuite.Orders.Products;
using Microsoft.EntityFrameworkCore;

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
        var productIds = contract.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        db.SalesOrders.Add(SalesOrder.FromContract(number, contract, products));
    }
}
