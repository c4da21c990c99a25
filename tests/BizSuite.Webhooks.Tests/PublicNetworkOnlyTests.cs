using System.Net;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Webhooks.Tests;

public sealed class PublicNetworkOnlyTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("10.1.2.3")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")] [InlineData("169.254.169.254")] [InlineData("100.64.0.1")] [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")] [InlineData("::1")] [InlineData("fe80::1")] [InlineData("fd00::1")] [InlineData("::ffff:10.0.0.1")]
    public void Addresses_only_the_server_can_reach_are_private(string address) =>
        PublicNetworkOnly.IsPrivate(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("8.8.8.8")] [InlineData("172.15.0.1")] [InlineData("172.32.0.1")] [InlineData("100.128.0.1")]
    [InlineData("203.0.113.7")] [InlineData("2001:4860:4860::8888")] [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_not(string address) =>
        PublicNetworkOnly.IsPrivate(IPAddress.Parse(address)).ShouldBeFalse();
}
