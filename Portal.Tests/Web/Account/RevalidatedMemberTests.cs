using Portal.Infrastructure.Features.Members;
using Portal.Web.Account;

namespace Portal.Tests.Web.Account;

/// <summary>The member loaded by a request's cookie revalidation is handed only to the same member's
/// lookups in that scope.</summary>
public sealed class RevalidatedMemberTests
{
    private static readonly CurrentMember Anna = new(Guid.NewGuid(), "Anna", "Länsstyrelsen", false, "sv", "stamp");

    [Fact]
    public void Finds_nothing_before_a_revalidation()
    {
        new RevalidatedMember().Find(Anna.MemberId).ShouldBeNull();
    }

    [Fact]
    public void Finds_the_revalidated_member_by_their_id_only()
    {
        var revalidated = new RevalidatedMember();
        revalidated.Remember(Anna);

        revalidated.Find(Anna.MemberId).ShouldBe(Anna);
        revalidated.Find(Guid.NewGuid()).ShouldBeNull();
    }
}
