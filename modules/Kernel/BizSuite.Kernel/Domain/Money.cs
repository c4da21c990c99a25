namespace BizSuite.Kernel;

/// <summary>Money is decimal(18,2) in storage: round in the domain, half away from zero as Chinese invoices do.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
