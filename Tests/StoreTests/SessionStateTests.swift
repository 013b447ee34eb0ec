// Authentication follows the password as it is now, as Redis's authRequired does.
@testable import Store
import Testing

@Suite struct SessionStateTests {
    @Test func test_clearingThePassword_freesAWaitingClient_andSettingItAgainDoesNot() {
        var session = SessionState(clientID: 1, requiredPassword: Array("pw".utf8))
        #expect(session.authenticated == false)
        session.requiredPassword = nil
        #expect(session.authenticated)
        session.requiredPassword = Array("other".utf8)
        #expect(session.authenticated == false)
    }

    @Test func test_aClientConnectedWithoutAPassword_staysAuthenticatedWhenOneIsSet() {
        var session = SessionState(clientID: 1)
        session.requiredPassword = Array("pw".utf8)
        #expect(session.authenticated)
    }

    @Test func test_auth_usesThePasswordAsItIsNow() {
        var session = SessionState(clientID: 1, requiredPassword: Array("old".utf8))
        session.requiredPassword = Array("new".utf8)
        #expect(session.accepts(user: nil, password: Array("new".utf8)))
        #expect(session.accepts(user: nil, password: Array("old".utf8)) == false)
    }
}
