using Portal.Infrastructure.Features.Members;

namespace Portal.Web.Account;

/// <summary>The member as the session cookie's revalidation loaded them at the start of this request
/// (<see cref="AuthenticationSetup"/>). Scoped: a prerendered page renders in its request's scope, so
/// its layout takes the member from here instead of loading them a second time a few milliseconds
/// later; a circuit has a scope of its own, where this is empty and the layout loads the member.</summary>
public sealed class RevalidatedMember
{
    private CurrentMember? _member;

    internal void Remember(CurrentMember member) => _member = member;

    /// <summary>The member loaded by this request's revalidation, if it was <paramref name="memberId"/>.</summary>
    public CurrentMember? Find(Guid memberId) => _member?.MemberId == memberId ? _member : null;
}
