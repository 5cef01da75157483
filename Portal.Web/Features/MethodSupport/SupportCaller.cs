using Portal.Infrastructure.Auditing;
using Portal.Web.Account;

namespace Portal.Web.Features.MethodSupport;

/// <summary>The signed-in member and where they connect from, as the method-support use cases take them.</summary>
public sealed class SupportCaller(MemberSession session, ConnectionAddress address)
{
    public async Task<Caller> GetAsync() => new(await session.GetIdAsync(), address.Value);
}
