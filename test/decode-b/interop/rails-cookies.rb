# Writes Rails 6.1-style cookies with the real ActiveSupport classes the cookie jars use, and reads cookies we wrote.
# stdin: JSON {"secret", "read": [{"kind", "name", "value"}]}; stdout: JSON {"written": [...], "read": [...]}.
require "json"
require "active_support"
require "active_support/key_generator"
require "active_support/message_encryptor"
require "active_support/message_verifier"
require "active_support/json"
require "rack/utils"

req = JSON.parse($stdin.read)
null = ActiveSupport::MessageEncryptor::NullSerializer

# Rails 7's KeyGenerator is PBKDF2 with a configurable hash (key_generator_hash_digest_class); ActiveSupport 6.1
# hard-codes SHA1, so derive the keys the way both versions do: OpenSSL::PKCS5.pbkdf2_hmac.
def jars(secret, digest_class, null)
  key = ->(salt, len = 64) { OpenSSL::PKCS5.pbkdf2_hmac(secret, salt, 1000, len, digest_class.new) }
  {
    "gcm" => ActiveSupport::MessageEncryptor.new(key.("authenticated encrypted cookie", 32), cipher: "aes-256-gcm", serializer: null),
    "signed" => ActiveSupport::MessageVerifier.new(key.("signed cookie"), digest: "SHA1", serializer: null),
    "cbc" => ActiveSupport::MessageEncryptor.new(key.("encrypted cookie", 32), key.("signed encrypted cookie"),
                                                  cipher: "aes-256-cbc", digest: "SHA1", serializer: null),
  }
end

values = [
  { "session_id" => "0123456789abcdef0123456789abcdef", "user_id" => 42, "name" => "Zoë 🍪", "cart" => [1, 2.5, nil, true] },
  "plain string",
  [{ "a" => { "b" => [] } }],
]
marshal_values = [
  { "user_id" => 7, :flash => { "notice" => "hi" }, "ratio" => 1.25, "neg" => -300, "big" => 2**40, "list" => [nil, false, :sym, "s"] },
]
written = []
{ "SHA1" => OpenSSL::Digest::SHA1, "SHA256" => OpenSSL::Digest::SHA256 }.each do |hash_name, klass|
  jars(req["secret"], klass, null).each do |kind, jar|
    write = ->(payload) { kind == "signed" ? jar.generate(payload, purpose: "cookie.interop", expires_at: Time.at(1_900_000_000)) : jar.encrypt_and_sign(payload, purpose: "cookie.interop", expires_at: Time.at(1_900_000_000)) }
    values.each { |v| written << { "kind" => kind, "hash" => hash_name, "serializer" => "json", "value" => Rack::Utils.escape(write.(ActiveSupport::JSON.encode(v))), "expect" => JSON.parse(ActiveSupport::JSON.encode(v)) } }
    marshal_values.each { |v| written << { "kind" => kind, "hash" => hash_name, "serializer" => "marshal", "value" => Rack::Utils.escape(write.(Marshal.dump(v))), "expect" => JSON.parse(v.to_json) } }
  end
end

read = (req["read"] || []).map do |c|
  jar = jars(req["secret"], c["hash"] == "SHA256" ? OpenSSL::Digest::SHA256 : OpenSSL::Digest::SHA1, null)[c["kind"]]
  raw = Rack::Utils.unescape(c["value"])
  text = c["kind"] == "signed" ? jar.verified(raw, purpose: "cookie.#{c["name"]}") : jar.decrypt_and_verify(raw, purpose: "cookie.#{c["name"]}")
  text.nil? ? nil : JSON.parse(text)
rescue StandardError => e
  { "error" => e.class.name }
end

puts JSON.generate({ "written" => written, "read" => read })
